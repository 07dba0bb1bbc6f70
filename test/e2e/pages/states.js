// The cards' clock is fixed (their `now` property, for tests and stories) so the status line is stable.
await customElements.whenDefined('fukushi-contact-card');
for (const card of document.querySelectorAll('fukushi-contact-card[data-now]')) card.now = card.dataset.now;
