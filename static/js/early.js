// Loaded (blocking) in <head>: mark the page as scripted before the first paint,
// so the phone menu is folded from the start instead of collapsing when the
// deferred scripts arrive (a layout shift).
document.documentElement.classList.replace("no-js", "js");
