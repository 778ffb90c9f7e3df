// The example retailer page's own script (a file: the page's CSP forbids inline script).
// A variant switch sets the widget's `product` attribute; the language switch its `lang`; the
// widget's `coverage-change` event fills the cart line with the chosen plan.

const widget = document.getElementById("care");
const cartLine = document.getElementById("cart-line");
const cartButton = document.getElementById("add-to-cart");
const title = document.getElementById("product-name");
const price = document.querySelector(".product__price");

for (const radio of document.querySelectorAll('input[name="variant"]')) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    widget.setAttribute("product", radio.value);
    title.textContent = radio.dataset.name;
    price.textContent = radio.dataset.price;
  });
}
for (const radio of document.querySelectorAll('input[name="lang"]')) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    widget.setAttribute("lang", radio.value);
    document.documentElement.lang = radio.value;
  });
}

let chosen = null;
widget.addEventListener("coverage-change", (event) => {
  const { answer, eligible } = event.detail;
  chosen = answer && eligible ? answer : null;
  cartButton.disabled = !chosen;
  const yen = (fee) => (fee?.status === "published" ? `¥${Number(fee.amount).toLocaleString("ja-JP")}` : "—");
  cartLine.textContent = chosen ? `${chosen.plan}: ${yen(chosen.price)}` : "—";
});
cartButton.addEventListener("click", () => {
  if (chosen) cartLine.textContent = `✓ ${chosen.plan} (${chosen.product})`;
});
