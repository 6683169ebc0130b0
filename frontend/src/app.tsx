import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { RequireAuth } from "./auth/require-auth";
import { Layout, NotFound } from "./components/layout";
import { Loading } from "./components/states";
import { LoginPage } from "./features/account/login-page";
import { PasswordResetCompletePage } from "./features/account/password-reset-complete-page";
import { PasswordResetPage } from "./features/account/password-reset-page";
import { SignupCompletePage } from "./features/account/signup-complete-page";
import { SignupPage } from "./features/account/signup-page";
import { CartPage } from "./features/cart/cart-page";
import { CheckoutPage } from "./features/cart/checkout-page";
import { MyPage } from "./pages/mypage";
import { PayPage } from "./features/payments/pay-page";
import { HomePage } from "./features/storefront/home-page";
import { ProductListPage } from "./features/storefront/product-list-page";
import { ProductPage } from "./pages/product-page";
import { ShopListPage } from "./features/storefront/shop-list-page";
import { ShopPage } from "./features/storefront/shop-page";

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
const CalendarEditorPage = lazy(() =>
  import("./features/console/calendar-editor-page").then((m) => ({ default: m.CalendarEditorPage })),
);

function Staff({ children }: { children: ReactNode }) {
  return (
    <RequireAuth staff>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

export const router = createBrowserRouter([
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
      { path: "*", element: <NotFound /> },
    ],
  },
]);
