/*
 * A stand-in for Stripe.js (https://js.stripe.com/v3) in end-to-end tests, served on
 * loopback by the Stripe fake (backend/integration-tests/utils/fake-stripe-browser.ts).
 * It speaks the subset the storefront uses: Stripe(key), stripe.elements({ clientSecret }),
 * elements.create("payment"), element.mount(node) and stripe.confirmPayment({ elements,
 * confirmParams: { return_url } }), which redirects (bank page or return_url) or
 * resolves with { error } on a declined card, as Stripe.js does.
 */
(function () {
  "use strict";
  var ORIGIN = "__FAKE_STRIPE_ORIGIN__";

  function intentId(clientSecret) {
    return String(clientSecret).split("_secret_")[0];
  }

  function form(data) {
    return Object.keys(data)
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(data[k] == null ? "" : data[k]); })
      .join("&");
  }

  function Stripe(publishableKey) {
    if (!(this instanceof Stripe)) return new Stripe(publishableKey);
    this._key = publishableKey;
  }

  Stripe.prototype.elements = function (options) {
    var key = this._key;
    var clientSecret = options && options.clientSecret;
    var state = { method: "pm_card_visa" };
    return {
      _clientSecret: clientSecret,
      _state: state,
      create: function (type) {
        if (type !== "payment") throw new Error("Stripe stand-in: only the payment element");
        return {
          mount: function (node) {
            var target = typeof node === "string" ? document.querySelector(node) : node;
            var url = ORIGIN + "/js/payment_intents/" + intentId(clientSecret) + "?" + form({ client_secret: clientSecret, key: key });
            fetch(url)
              .then(function (r) { return r.json(); })
              .then(function (intent) {
                var types = intent.payment_method_types || ["card"];
                target.setAttribute("data-stripe-stand-in", types.join(","));
                if (types.indexOf("card") >= 0) {
                  var label = document.createElement("label");
                  label.textContent = "Testkaart";
                  label.setAttribute("for", "stand-in-card");
                  var select = document.createElement("select");
                  select.id = "stand-in-card";
                  [["pm_card_visa", "Visa 4242 (lukt)"], ["pm_card_chargeDeclined", "Visa 0002 (geweigerd)"]].forEach(function (o) {
                    var option = document.createElement("option");
                    option.value = o[0];
                    option.textContent = o[1];
                    select.appendChild(option);
                  });
                  select.addEventListener("change", function () { state.method = select.value; });
                  target.appendChild(label);
                  target.appendChild(select);
                } else {
                  var p = document.createElement("p");
                  p.textContent = types.indexOf("ideal") >= 0 ? "Je gaat naar je bank om te betalen (iDEAL | Wero)." : "Je gaat naar Bancontact om te betalen.";
                  target.appendChild(p);
                  state.method = "";
                }
              });
          },
        };
      },
    };
  };

  Stripe.prototype.confirmPayment = function (options) {
    var elements = options.elements;
    var returnUrl = options.confirmParams && options.confirmParams.return_url;
    return fetch(ORIGIN + "/js/payment_intents/" + intentId(elements._clientSecret) + "/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form({ key: this._key, client_secret: elements._clientSecret, payment_method: elements._state.method, return_url: returnUrl }),
    })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        if (result.error) return { error: result.error };
        window.location.assign(result.redirect_url);
        return new Promise(function () {}); // like Stripe.js: the page is leaving
      });
  };

  window.Stripe = Stripe;
})();
