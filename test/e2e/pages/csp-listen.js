// Records every CSP violation for the test (a classic script, loaded before the widgets).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample});
});
