import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { RequireAuth } from "./auth/require-auth";
import { Layout, NotFound } from "./components/layout";
import { Loading } from "./components/states";
import { HomePage } from "./features/storefront/home-page";
import { ProductListPage } from "./features/storefront/product-list-page";
import { ShopNav } from "./features/console/shop-nav";

// The landing pages load with the app; every other page is fetched when first opened, so the first load
// stays small (the Layout shows a spinner meanwhile).
const DeliveryNotePage = lazy(() =>
  import("./features/console/delivery-note-page").then((m) => ({ default: m.DeliveryNotePage })),
);
const ProductPage = lazy(() => import("./pages/product-page").then((m) => ({ default: m.ProductPage })));
const ShopListPage = lazy(() =>
  import("./features/storefront/shop-list-page").then((m) => ({ default: m.ShopListPage })),
);
const ShopPage = lazy(() => import("./features/storefront/shop-page").then((m) => ({ default: m.ShopPage })));
const LoginPage = lazy(() => import("./features/account/login-page").then((m) => ({ default: m.LoginPage })));
const SignupPage = lazy(() =>
  import("./features/account/signup-page").then((m) => ({ default: m.SignupPage })),
);
const SignupCompletePage = lazy(() =>
  import("./features/account/signup-complete-page").then((m) => ({ default: m.SignupCompletePage })),
);
const PasswordResetPage = lazy(() =>
  import("./features/account/password-reset-page").then((m) => ({ default: m.PasswordResetPage })),
);
const PasswordResetCompletePage = lazy(() =>
  import("./features/account/password-reset-complete-page").then((m) => ({
    default: m.PasswordResetCompletePage,
  })),
);
const CartPage = lazy(() => import("./features/cart/cart-page").then((m) => ({ default: m.CartPage })));
const CheckoutPage = lazy(() =>
  import("./features/cart/checkout-page").then((m) => ({ default: m.CheckoutPage })),
);
const PayPage = lazy(() => import("./features/payments/pay-page").then((m) => ({ default: m.PayPage })));
const ProxyHomePage = lazy(() =>
  import("./features/proxy/proxy-home-page").then((m) => ({ default: m.ProxyHomePage })),
);
const ProxyRequestPage = lazy(() =>
  import("./features/proxy/request-page").then((m) => ({ default: m.ProxyRequestPage })),
);
const MyProxyOrdersPage = lazy(() =>
  import("./features/proxy/my-proxy-orders-page").then((m) => ({ default: m.MyProxyOrdersPage })),
);
const ProxyOrderPage = lazy(() =>
  import("./features/proxy/proxy-order-page").then((m) => ({ default: m.ProxyOrderPage })),
);
const ProxyPayPage = lazy(() =>
  import("./features/proxy/proxy-pay-page").then((m) => ({ default: m.ProxyPayPage })),
);
const SandboxCheckoutPage = lazy(() =>
  import("./features/checkout/sandbox-checkout-page").then((m) => ({ default: m.SandboxCheckoutPage })),
);
const SubscriptionCartPage = lazy(() =>
  import("./features/subscriptions/subscription-cart-page").then((m) => ({
    default: m.SubscriptionCartPage,
  })),
);
const MySubscriptionPage = lazy(() =>
  import("./features/subscriptions/my-subscription-page").then((m) => ({ default: m.MySubscriptionPage })),
);
const MyPage = lazy(() => import("./pages/mypage").then((m) => ({ default: m.MyPage })));

// The shop console is for staff only: members never download it.
const ConsoleHome = lazy(() =>
  import("./features/console/console-home").then((m) => ({ default: m.ConsoleHome })),
);
const ConsoleProductsPage = lazy(() =>
  import("./features/console/console-products-page").then((m) => ({ default: m.ConsoleProductsPage })),
);
const ConsoleOrdersPage = lazy(() =>
  import("./features/console/console-orders-page").then((m) => ({ default: m.ConsoleOrdersPage })),
);
const ConsoleReservationsPage = lazy(() =>
  import("./features/console/console-reservations-page").then((m) => ({
    default: m.ConsoleReservationsPage,
  })),
);
const ConsoleOrderPage = lazy(() =>
  import("./features/console/console-orders-page").then((m) => ({ default: m.ConsoleOrderPage })),
);
const ConsoleReservationPage = lazy(() =>
  import("./features/console/console-reservations-page").then((m) => ({ default: m.ConsoleReservationPage })),
);
const PickupDeskPage = lazy(() =>
  import("./features/console/pickup-desk-page").then((m) => ({ default: m.PickupDeskPage })),
);
const ProductEditorPage = lazy(() =>
  import("./features/console/product-editor-page").then((m) => ({ default: m.ProductEditorPage })),
);
const ShippingEditorPage = lazy(() =>
  import("./features/console/shipping-editor-page").then((m) => ({ default: m.ShippingEditorPage })),
);
const ShopSettingsPage = lazy(() =>
  import("./features/console/shop-settings-page").then((m) => ({ default: m.ShopSettingsPage })),
);
const ShopStaffPage = lazy(() =>
  import("./features/console/shop-staff-page").then((m) => ({ default: m.ShopStaffPage })),
);
const NewShopPage = lazy(() =>
  import("./features/console/new-shop-page").then((m) => ({ default: m.NewShopPage })),
);
const ConsoleProxyOrdersPage = lazy(() =>
  import("./features/console/proxy/proxy-orders-page").then((m) => ({ default: m.ConsoleProxyOrdersPage })),
);
const ConsoleProxyOrderPage = lazy(() =>
  import("./features/console/proxy/proxy-order-page").then((m) => ({ default: m.ConsoleProxyOrderPage })),
);
const ConsoleSubscriptionsPage = lazy(() =>
  import("./features/console/subscriptions/subscriptions-page").then((m) => ({
    default: m.ConsoleSubscriptionsPage,
  })),
);
const ConsoleSubscriptionPage = lazy(() =>
  import("./features/console/subscriptions/subscriptions-page").then((m) => ({
    default: m.ConsoleSubscriptionPage,
  })),
);
const GenerationPage = lazy(() =>
  import("./features/console/subscriptions/generation-page").then((m) => ({ default: m.GenerationPage })),
);
const MailTemplatesPage = lazy(() =>
  import("./features/console/mail-templates/mail-templates-page").then((m) => ({
    default: m.MailTemplatesPage,
  })),
);
const MailTemplateEditorPage = lazy(() =>
  import("./features/console/mail-templates/mail-template-editor-page").then((m) => ({
    default: m.MailTemplateEditorPage,
  })),
);
const CardExpiryPage = lazy(() =>
  import("./features/console/subscriptions/card-expiry-page").then((m) => ({ default: m.CardExpiryPage })),
);
const SubscriptionSettingsPage = lazy(() =>
  import("./features/console/subscriptions/subscription-settings-page").then((m) => ({
    default: m.SubscriptionSettingsPage,
  })),
);
const InboxPage = lazy(() => import("./features/console/inbox-page").then((m) => ({ default: m.InboxPage })));
const TransfersPage = lazy(() =>
  import("./features/console/proxy/transfers-page").then((m) => ({ default: m.TransfersPage })),
);
const AcceptInvitationPage = lazy(() =>
  import("./features/account/accept-invitation-page").then((m) => ({ default: m.AcceptInvitationPage })),
);
const CalendarEditorPage = lazy(() =>
  import("./features/console/calendar-editor-page").then((m) => ({ default: m.CalendarEditorPage })),
);

function Staff({ children }: { children: ReactNode }) {
  return (
    <RequireAuth staff>
      <ShopNav />
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

export const router = createBrowserRouter([
  // Printed from the browser, without the site's header and navigation.
  {
    path: "/console/shops/:shopId/orders/:orderId/delivery-note",
    element: (
      <RequireAuth staff>
        <Suspense fallback={<Loading />}>
          <DeliveryNotePage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: "/console/shops/:shopId/orders/:orderId/invoice",
    element: (
      <RequireAuth staff>
        <Suspense fallback={<Loading />}>
          <DeliveryNotePage invoice />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/shops", element: <ShopListPage /> },
      { path: "/shops/:shopId", element: <ShopPage /> },
      { path: "/products", element: <ProductListPage /> },
      { path: "/products/:productId", element: <ProductPage /> },
      { path: "/login", element: <LoginPage /> },
      { path: "/signup", element: <SignupPage /> },
      { path: "/signup/complete", element: <SignupCompletePage /> },
      { path: "/invitations/accept", element: <AcceptInvitationPage /> },
      { path: "/password-reset", element: <PasswordResetPage /> },
      { path: "/password-reset/complete", element: <PasswordResetCompletePage /> },
      {
        path: "/cart",
        element: (
          <RequireAuth>
            <CartPage />
          </RequireAuth>
        ),
      },
      {
        path: "/checkout",
        element: (
          <RequireAuth>
            <CheckoutPage />
          </RequireAuth>
        ),
      },
      {
        path: "/pay/:token",
        element: (
          <RequireAuth>
            <PayPage />
          </RequireAuth>
        ),
      },
      { path: "/proxy", element: <ProxyHomePage /> },
      {
        path: "/proxy/new",
        element: (
          <RequireAuth>
            <ProxyRequestPage />
          </RequireAuth>
        ),
      },
      {
        path: "/proxy/orders",
        element: (
          <RequireAuth>
            <MyProxyOrdersPage />
          </RequireAuth>
        ),
      },
      {
        path: "/proxy/orders/:orderId",
        element: (
          <RequireAuth>
            <ProxyOrderPage />
          </RequireAuth>
        ),
      },
      {
        path: "/proxy/orders/:orderId/pay",
        element: (
          <RequireAuth>
            <ProxyPayPage />
          </RequireAuth>
        ),
      },
      {
        path: "/checkout/sandbox/:sessionId",
        element: (
          <RequireAuth>
            <SandboxCheckoutPage />
          </RequireAuth>
        ),
      },
      {
        path: "/subscription-cart",
        element: (
          <RequireAuth>
            <SubscriptionCartPage />
          </RequireAuth>
        ),
      },
      {
        path: "/mypage/subscriptions/:subscriptionId",
        element: (
          <RequireAuth>
            <MySubscriptionPage />
          </RequireAuth>
        ),
      },
      {
        path: "/console/shops/:shopId/subscriptions",
        element: (
          <Staff>
            <ConsoleSubscriptionsPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/subscriptions/:subscriptionId",
        element: (
          <Staff>
            <ConsoleSubscriptionPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/subscription-generation",
        element: (
          <Staff>
            <GenerationPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/mail-templates",
        element: (
          <Staff>
            <MailTemplatesPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/mail-templates/:template/:locale",
        element: (
          <Staff>
            <MailTemplateEditorPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/subscription-cards",
        element: (
          <Staff>
            <CardExpiryPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/subscription-settings",
        element: (
          <Staff>
            <SubscriptionSettingsPage />
          </Staff>
        ),
      },
      {
        path: "/mypage",
        element: (
          <RequireAuth>
            <MyPage />
          </RequireAuth>
        ),
      },
      {
        path: "/console",
        element: (
          <Staff>
            <ConsoleHome />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/shipping",
        element: (
          <Staff>
            <ShippingEditorPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/new",
        element: (
          <Staff>
            <NewShopPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/staff",
        element: (
          <Staff>
            <ShopStaffPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/settings",
        element: (
          <Staff>
            <ShopSettingsPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/products",
        element: (
          <Staff>
            <ConsoleProductsPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/products/new",
        element: (
          <Staff>
            <ProductEditorPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/products/:productId",
        element: (
          <Staff>
            <ProductEditorPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/orders",
        element: (
          <Staff>
            <ConsoleOrdersPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/orders/:orderId",
        element: (
          <Staff>
            <ConsoleOrderPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/reservations/:reservationId",
        element: (
          <Staff>
            <ConsoleReservationPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/reservations",
        element: (
          <Staff>
            <ConsoleReservationsPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/pickup",
        element: (
          <Staff>
            <PickupDeskPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/calendar",
        element: (
          <Staff>
            <CalendarEditorPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/proxy",
        element: (
          <Staff>
            <ConsoleProxyOrdersPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/proxy/:orderId",
        element: (
          <Staff>
            <ConsoleProxyOrderPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/messages",
        element: (
          <Staff>
            <InboxPage />
          </Staff>
        ),
      },
      {
        path: "/console/shops/:shopId/transfers",
        element: (
          <Staff>
            <TransfersPage />
          </Staff>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
