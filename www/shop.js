// The example retailer page's own script (a file: the page's CSP forbids inline script).
// A variant switch sets the widget's `product` attribute; the language switch its `lang`; the
// widget's `coverage-select` event (offer mode) adds the chosen plan to the cart line, by its
// display name and price (never its id), and nothing before the shopper picks one.
// `shop.html?mode=buy` shows the widget's full buy mode instead (the widget's browser tests use it).

const widget = document.getElementById("care");
const cartLine = document.getElementById("cart-line");
const cartButton = document.getElementById("add-to-cart");
const title = document.getElementById("product-name");
const price = document.querySelector(".product__price");

const askedMode = new URLSearchParams(location.search).get("mode");
if (askedMode === "buy") widget.setAttribute("mode", "buy");

/** The plan picked in the offer (`coverage-select`'s detail: {plan, name, price, currency}), or null. */
let plan = null;

const yen = (amount) => `¥${Number(amount).toLocaleString("ja-JP")}`;
function showCart() {
  const product = title.textContent;
  cartLine.textContent = plan
    ? `${product} ＋ ${plan.name}${plan.price === null ? "" : `（${yen(plan.price)}）`}`
    : product;
}

for (const radio of document.querySelectorAll('input[name="variant"]')) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    widget.setAttribute("product", radio.value);
    title.textContent = radio.dataset.name;
    price.textContent = radio.dataset.price;
    showCart();
  });
}
for (const radio of document.querySelectorAll('input[name="lang"]')) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    widget.setAttribute("lang", radio.value);
    document.documentElement.lang = radio.value;
  });
}

widget.addEventListener("coverage-select", (event) => {
  plan = event.detail;
  showCart();
});
cartButton.addEventListener("click", () => {
  showCart();
  cartLine.textContent = `✓ ${cartLine.textContent}`;
});
