// The API's human docs (/api/v2/docs/): Swagger UI reading the OpenAPI document named by the page.
// A file of its own, not an inline script: the Content-Security-Policy allows only our files.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: true,
    validatorUrl: null,
  });
})();
