// Swagger UI over our own OpenAPI description; requests carry the page's CSRF token.
"use strict";
(function () {
  function csrf() {
    const found = document.cookie.split("; ").find((c) => c.startsWith("docgen_csrf="));
    return found ? decodeURIComponent(found.split("=")[1]) : "";
  }
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    requestInterceptor: (req) => {
      req.headers["X-CSRF-Token"] = csrf();
      return req;
    },
  });
})();
