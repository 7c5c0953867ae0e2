// The hub's start page: translates the page text (German or English, like the widget) and shows the embed snippet.
(() => {
  'use strict';
  const TEXT = {
    en: {
      siteTitle: 'HENK – your made-to-measure concierge', toDashboard: 'Dashboard for the sales team',
      flowTitle: 'How it works', step1: 'Hello! I am looking for a suit...', step2a: 'Optional: create an account',
      step2b: 'For personalised recommendations', step3a: 'Personalised chat', step3b: '+ fabric recommendations (RAG)',
      step4a: '📧 “Someone will contact you...”', step4b: '→ lead created in Pipedrive automatically',
      chatTitle: 'Chat with HENK', embedTitle: 'Embed on your website',
      embedText: 'One script tag is enough; your site\'s origin goes into henk.cors.allowed-origins.',
    },
  };
  const german = {};
  const apply = lang => {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => {
      const key = el.dataset.i18n;
      if (!(key in german)) german[key] = el.textContent;
      el.textContent = lang === 'en' ? TEXT.en[key] : german[key];
    });
  };
  const current = () => {
    const saved = localStorage.getItem('henk.lang');
    return saved || ((navigator.language || 'de').toLowerCase().startsWith('en') ? 'en' : 'de');
  };
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('embed-snippet').textContent =
      `<script src="${location.origin}/widget.js" defer></script>`;
    apply(current());
    // the page follows the widget's language switch
    document.addEventListener('henk-language', e => apply(e.detail));
  });
})();
