import { PageTitle } from "../../components/page-title";
import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { components } from "../../api/schema";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { useProduct } from "../../shared/api/get-product";
import { addVariant } from "./api/add-variant";
import { archiveProduct } from "./api/archive-product";
import { createProduct } from "./api/create-product";
import { setStock } from "./api/set-stock";
import { updateProduct } from "./api/update-product";
import { updateVariant } from "./api/update-variant";
import { Forbidden } from "./forbidden";
import { ProductImagesEditor } from "./product-images-editor";
import { useCanManage } from "./use-managed-shop";

type Product = components["schemas"]["ProductResponse"];
type Variant = components["schemas"]["VariantResponse"];
interface VariantRow {
  sku: string;
  color: string;
  size: string;
  price: string;
}

const isPrice = (value: string) => /^\d{1,9}$/.test(value.trim());

function ProductFields({ shopId, product }: { shopId: string; product?: Product }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: product?.name ?? "",
    description: product?.description ?? "",
    category: product?.category ?? "",
    tax_category: product?.tax_category ?? "standard",
    reservable: product?.fulfilment.reservable ?? true,
    deliverable: product?.fulfilment.deliverable ?? true,
    reservation_payment: product?.fulfilment.reservation_payment ?? "in_store",
    subscribable: !!product?.fulfilment.subscription,
    first_price: product?.fulfilment.subscription?.first_price ?? "",
    subscription_price: product?.fulfilment.subscription?.price ?? "",
    max_deliveries: product?.fulfilment.subscription?.max_deliveries?.toString() ?? "",
  });
  const [variants, setVariants] = useState<VariantRow[]>([{ sku: "", color: "", size: "", price: "" }]);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    if (!form.name.trim()) invalid.name = "error.required";
    if (!form.category.trim()) invalid.category = "error.required";
    if (!product) {
      variants.forEach((v, i) => {
        if (!v.sku.trim()) invalid[`variants.${i}.sku`] = "error.required";
        if (!v.color.trim()) invalid[`variants.${i}.color`] = "error.required";
        if (!v.size.trim()) invalid[`variants.${i}.size`] = "error.required";
        if (!isPrice(v.price)) invalid[`variants.${i}.price`] = "error.invalidPrice";
      });
    }
    if (form.subscribable) {
      if (!isPrice(form.first_price)) invalid["fulfilment.subscription.first_price"] = "error.invalidPrice";
      if (!isPrice(form.subscription_price)) invalid["fulfilment.subscription.price"] = "error.invalidPrice";
    }
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    // CAT-05: the subscription terms are sent with every save (absent would stop the subscription offer).
    const fulfilment = {
      reservable: form.reservable,
      deliverable: form.deliverable,
      reservation_payment: form.reservation_payment,
      subscription: form.subscribable
        ? {
            first_price: form.first_price.trim(),
            price: form.subscription_price.trim(),
            max_deliveries: form.max_deliveries.trim() ? Number(form.max_deliveries) : null,
          }
        : null,
    };
    const common = {
      name: form.name,
      description: form.description,
      category: form.category,
      tax_category: form.tax_category,
      fulfilment,
    };
    setBusy(true);
    try {
      if (product) {
        await updateProduct(product.id, common);
        notifications.show({ color: "teal", message: t("console.saved") });
        void queryClient.invalidateQueries({ queryKey: ["product", product.id] });
      } else {
        const created = await createProduct(shopId, {
          ...common,
          variants: variants.map((v) => ({ ...v, price: v.price.trim() })),
        });
        notifications.show({ color: "teal", message: t("console.created") });
        void queryClient.invalidateQueries({ queryKey: ["console", shopId, "products"] });
        void navigate(`/console/shops/${shopId}/products/${created.id}`, { replace: true });
      }
      errors.clear();
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  const setVariant = (index: number, field: keyof VariantRow, value: string) =>
    setVariants(variants.map((v, i) => (i === index ? { ...v, [field]: value } : v)));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <TextInput
          label={t("console.name")}
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={errors.errorOf("name")}
        />
        <Textarea
          label={t("console.description")}
          autosize
          minRows={3}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          error={errors.errorOf("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("console.category")}
            required
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}
            error={errors.errorOf("category")}
          />
          <Select
            label={t("console.taxCategory")}
            allowDeselect={false}
            data={[
              { value: "standard", label: t("products.taxStandard") },
              { value: "reduced", label: t("products.taxReduced") },
            ]}
            value={form.tax_category}
            onChange={(value) =>
              setForm({ ...form, tax_category: value === "reduced" ? "reduced" : "standard" })
            }
          />
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t("console.reservable")}
            checked={form.reservable}
            onChange={(e) => setForm({ ...form, reservable: e.currentTarget.checked })}
          />
          <Checkbox
            label={t("console.deliverable")}
            checked={form.deliverable}
            onChange={(e) => setForm({ ...form, deliverable: e.currentTarget.checked })}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="payment-label">
            {t("console.reservationPayment")}
          </Text>
          <SegmentedControl
            aria-labelledby="payment-label"
            value={form.reservation_payment}
            onChange={(value) =>
              setForm({ ...form, reservation_payment: value === "prepaid" ? "prepaid" : "in_store" })
            }
            data={[
              { value: "in_store", label: t("console.payInStore") },
              { value: "prepaid", label: t("console.prepaid") },
            ]}
          />
        </Stack>
        <Card withBorder data-testid="subscription-terms">
          <Stack gap="xs">
            <Checkbox
              label={t("subscriptions.badge")}
              checked={form.subscribable}
              onChange={(e) => setForm({ ...form, subscribable: e.currentTarget.checked })}
            />
            {form.subscribable && (
              <Group>
                <TextInput
                  label={t("subscriptions.firstPrice")}
                  inputMode="numeric"
                  value={form.first_price}
                  onChange={(e) => setForm({ ...form, first_price: e.currentTarget.value })}
                  error={errors.errorOf("fulfilment.subscription.first_price")}
                  w={160}
                />
                <TextInput
                  label={t("subscriptions.laterPrice")}
                  inputMode="numeric"
                  value={form.subscription_price}
                  onChange={(e) => setForm({ ...form, subscription_price: e.currentTarget.value })}
                  error={errors.errorOf("fulfilment.subscription.price")}
                  w={160}
                />
                <TextInput
                  label={t("subscriptions.maxDeliveries")}
                  placeholder={t("subscriptions.unlimited")}
                  inputMode="numeric"
                  value={form.max_deliveries}
                  onChange={(e) =>
                    setForm({ ...form, max_deliveries: e.currentTarget.value.replace(/\D/g, "") })
                  }
                  error={errors.errorOf("fulfilment.subscription.max_deliveries")}
                  w={160}
                />
              </Group>
            )}
          </Stack>
        </Card>
        {!product && (
          <Card withBorder>
            <Title order={3} size="h4">
              {t("console.variants")}
            </Title>
            {variants.map((v, i) => (
              <SimpleGrid key={i} cols={{ base: 2, sm: 5 }} mt="xs" data-testid="variant-row">
                <TextInput
                  label={t("console.sku")}
                  required
                  value={v.sku}
                  onChange={(e) => setVariant(i, "sku", e.currentTarget.value)}
                  error={errors.errorOf(`variants.${i}.sku`)}
                />
                <TextInput
                  label={t("products.color")}
                  required
                  value={v.color}
                  onChange={(e) => setVariant(i, "color", e.currentTarget.value)}
                  error={errors.errorOf(`variants.${i}.color`)}
                />
                <TextInput
                  label={t("products.size")}
                  required
                  value={v.size}
                  onChange={(e) => setVariant(i, "size", e.currentTarget.value)}
                  error={errors.errorOf(`variants.${i}.size`)}
                />
                <TextInput
                  label={t("console.price")}
                  required
                  inputMode="numeric"
                  leftSection="¥"
                  value={v.price}
                  onChange={(e) => setVariant(i, "price", e.currentTarget.value)}
                  error={errors.errorOf(`variants.${i}.price`)}
                />
                {variants.length > 1 && (
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    onClick={() => setVariants(variants.filter((_, j) => j !== i))}
                  >
                    {t("console.remove")}
                  </Button>
                )}
              </SimpleGrid>
            ))}
            <Button
              variant="default"
              mt="sm"
              onClick={() => setVariants([...variants, { sku: "", color: "", size: "", price: "" }])}
            >
              {t("console.addVariant")}
            </Button>
          </Card>
        )}
        {errors.general && (
          <Text c="red" role="alert">
            {errors.general}
          </Text>
        )}
        <Button type="submit" loading={busy} w="fit-content">
          {product ? t("console.save") : t("console.create")}
        </Button>
      </Stack>
    </form>
  );
}

function VariantStockRow({
  shopId,
  productId,
  variant,
}: {
  shopId: string;
  productId: string;
  variant: Variant;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const here = variant.stock.find((s) => s.shop_id === shopId)?.quantity ?? 0;
  const [price, setPrice] = useState(variant.price);
  const [quantity, setQuantity] = useState<number | string>(here);
  const save = async () => {
    try {
      if (price !== variant.price) await updateVariant(productId, variant.id, { price });
      if (Number(quantity) !== here) await setStock(shopId, variant.id, Number(quantity));
      notifications.show({ color: "teal", message: t("console.stockSaved") });
      void queryClient.invalidateQueries({ queryKey: ["product", productId] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    // A card per variant that wraps at phone width, so the price, the stock and the save button stay on
    // screen.
    <Paper withBorder p="sm" data-testid="variant">
      <Text size="sm" fw={600}>
        {variant.sku} ・ {variant.color} / {variant.size}
      </Text>
      <Group wrap="wrap" align="end" gap="xs" mt={6}>
        <TextInput
          label={t("console.price")}
          aria-label={`${t("console.price")} ${variant.sku}`}
          leftSection="¥"
          w={120}
          value={price}
          onChange={(e) => setPrice(e.currentTarget.value)}
          error={isPrice(price) ? undefined : t("error.invalidPrice")}
        />
        <NumberInput
          label={t("console.stock")}
          aria-label={`${t("console.stock")} ${variant.sku}`}
          w={100}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          value={quantity}
          onChange={setQuantity}
        />
        <Button onClick={() => void save()} disabled={!isPrice(price) || quantity === ""}>
          {t("console.setStock")}
        </Button>
      </Group>
    </Paper>
  );
}

function NewVariantForm({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [row, setRow] = useState<VariantRow>({ sku: "", color: "", size: "", price: "" });
  const errors = useFormErrors<keyof VariantRow>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!row.sku.trim() || !row.color.trim() || !row.size.trim() || !isPrice(row.price)) {
      return errors.setFields({
        sku: row.sku.trim() ? undefined : "error.required",
        price: isPrice(row.price) ? undefined : "error.invalidPrice",
      });
    }
    try {
      await addVariant(productId, row);
      setRow({ sku: "", color: "", size: "", price: "" });
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: ["product", productId] });
    } catch (error) {
      errors.capture(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("console.addVariant")}>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <TextInput
          label={t("console.sku")}
          value={row.sku}
          onChange={(e) => setRow({ ...row, sku: e.currentTarget.value })}
          error={errors.errorOf("sku")}
        />
        <TextInput
          label={t("products.color")}
          value={row.color}
          onChange={(e) => setRow({ ...row, color: e.currentTarget.value })}
        />
        <TextInput
          label={t("products.size")}
          value={row.size}
          onChange={(e) => setRow({ ...row, size: e.currentTarget.value })}
        />
        <TextInput
          label={t("console.price")}
          leftSection="¥"
          value={row.price}
          onChange={(e) => setRow({ ...row, price: e.currentTarget.value })}
          error={errors.errorOf("price")}
        />
      </SimpleGrid>
      <Button type="submit" mt="sm" variant="default">
        {t("console.addVariant")}
      </Button>
      {errors.general && <Text c="red">{errors.general}</Text>}
    </form>
  );
}

function ExistingProduct({ shopId, productId }: { shopId: string; productId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const product = useProduct(productId);
  if (product.isPending) return <Loading />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  if (p.shop.id !== shopId) return <Forbidden />;
  const toggle = async () => {
    if (p.active && !window.confirm(t("console.confirmArchive", { name: p.name }))) return;
    try {
      if (p.active) await archiveProduct(p.id);
      else await updateProduct(p.id, { active: true });
      notifications.show({
        color: "teal",
        message: p.active ? t("console.archivedDone") : t("console.restoredDone"),
      });
      void queryClient.invalidateQueries({ queryKey: ["product", p.id] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("console.editProduct")}</PageTitle>
        <Button variant="default" color={p.active ? "red" : "teal"} onClick={() => void toggle()}>
          {p.active ? t("console.archive") : t("console.restore")}
        </Button>
      </Group>
      <ProductFields key={p.id} shopId={shopId} product={p} />
      <ProductImagesEditor productId={p.id} images={p.images} />
      <Title order={2} size="h3">
        {t("console.variants")} / {t("console.stock")}
      </Title>
      <Stack gap="xs">
        {p.variants.map((v) => (
          <VariantStockRow
            key={`${v.id}-${v.price}-${v.stock.map((s) => s.quantity).join()}`}
            shopId={shopId}
            productId={p.id}
            variant={v}
          />
        ))}
      </Stack>
      <NewVariantForm productId={p.id} />
    </Stack>
  );
}

export function ProductEditorPage() {
  const { t } = useTranslation();
  const { shopId = "", productId } = useParams();
  if (!useCanManage(shopId)) return <Forbidden />;
  if (productId) return <ExistingProduct shopId={shopId} productId={productId} />;
  return (
    <Stack>
      <PageTitle>{t("console.newProduct")}</PageTitle>
      <ProductFields shopId={shopId} />
    </Stack>
  );
}
