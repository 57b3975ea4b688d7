// "Tell your story": says how long the story is and checks files before they are sent, so a
// visitor on a slow connection does not wait for an upload the server will refuse. The server
// checks everything again; without JavaScript the form works the same.
(function () {
  "use strict";
  var form = document.querySelector(".story-form");
  if (!form) return;
  var data = form.dataset;

  var text = form.querySelector("textarea[name=text]");
  if (text) {
    var counter = document.createElement("p");
    counter.className = "form-field__counter";
    counter.setAttribute("aria-live", "polite");
    text.insertAdjacentElement("afterend", counter);
    var update = function () {
      counter.textContent = data.characters.replace("%(count)s", text.value.trim().length);
    };
    text.addEventListener("input", update);
    update();
  }

  function check(input, maxFiles, maxMb) {
    var message = "";
    var files = Array.prototype.slice.call(input.files || []);
    if (maxFiles && files.length > maxFiles) {
      message = data.tooManyPhotos.replace("%(max)s", maxFiles);
    }
    files.forEach(function (file) {
      if (!message && file.size > maxMb * 1024 * 1024) {
        message = data.fileTooBig.replace("%(name)s", file.name).replace("%(max)s", maxMb);
      }
    });
    input.setCustomValidity(message);
    if (message) input.reportValidity();
  }

  var photos = form.querySelector("input[name=photos]");
  if (photos) photos.addEventListener("change", function () {
    check(photos, parseInt(data.maxPhotos, 10), parseFloat(data.maxPhotoMb));
  });
  var media = form.querySelector("input[name=media_file]");
  if (media) media.addEventListener("change", function () {
    check(media, 1, parseFloat(data.maxMediaMb));
  });
})();
