import { createBrowserRouter } from "react-router";
import { RequireAuth } from "./auth/require-auth";
import { Layout, NotFound } from "./components/layout";
import { LoginPage } from "./features/account/login-page";
import { PasswordResetCompletePage } from "./features/account/password-reset-complete-page";
import { PasswordResetPage } from "./features/account/password-reset-page";
import { SignupCompletePage } from "./features/account/signup-complete-page";
import { SignupPage } from "./features/account/signup-page";
import { CalendarEditorPage } from "./features/console/calendar-editor-page";
import { ConsoleHome } from "./features/console/console-home";
import { ConsoleProductsPage } from "./features/console/console-products-page";
import { ProductEditorPage } from "./features/console/product-editor-page";
import { MyPage } from "./features/mypage/mypage";
import { HomePage } from "./features/storefront/home-page";
import { ProductListPage } from "./features/storefront/product-list-page";
import { ProductPage } from "./features/storefront/product-page";
import { ShopListPage } from "./features/storefront/shop-list-page";
import { ShopPage } from "./features/storefront/shop-page";

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
          <RequireAuth staff>
            <ConsoleHome />
          </RequireAuth>
        ),
      },
      {
        path: "/console/shops/:shopId/products",
        element: (
          <RequireAuth staff>
            <ConsoleProductsPage />
          </RequireAuth>
        ),
      },
      {
        path: "/console/shops/:shopId/products/new",
        element: (
          <RequireAuth staff>
            <ProductEditorPage />
          </RequireAuth>
        ),
      },
      {
        path: "/console/shops/:shopId/products/:productId",
        element: (
          <RequireAuth staff>
            <ProductEditorPage />
          </RequireAuth>
        ),
      },
      {
        path: "/console/shops/:shopId/calendar",
        element: (
          <RequireAuth staff>
            <CalendarEditorPage />
          </RequireAuth>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
