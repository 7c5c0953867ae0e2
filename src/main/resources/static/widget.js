/*
 * HENK chat widget: one script tag embeds HENK on any site.
 *
 *   <script src="https://hub.example.com/widget.js" defer></script>
 *
 * The widget talks only to the hub's public /api. The API base is the origin this script was loaded from, or
 * data-api-base="https://…" on the script tag (or api-base="…" on a <henk-chat> element). Another site needs its
 * origin in the hub's henk.cors.allowed-origins. Without a <henk-chat> element on the page the widget adds a
 * floating one (data-mount="none" on the script tag turns that off). No dependencies, no build step: a standard
 * web component with a shadow root, so the host page's styles and the widget's do not mix.
 */
(() => {
  'use strict';
  if (customElements.get('henk-chat')) return;

  const script = document.currentScript;
  const scriptBase = (() => {
    try { return new URL(script.src, location.href).origin; } catch (e) { return location.origin; }
  })();
  const configuredBase = (script && script.dataset.apiBase) || scriptBase;
  const cssUrl = new URL('widget.css', script && script.src ? script.src : location.href).href;

  const TEXT = {
    de: {
      title: 'HENK – Ihr Maßschneider-Concierge',
      anonymous: '💬 Chat ohne Login',
      personal: 'Personalisierter Chat',
      greeting: 'Hallo! Ich bin HENK. Erzählen Sie mir, wofür Sie einen Maßanzug suchen.',
      placeholder: 'Hallo! Ich suche einen Anzug...',
      messageLabel: 'Ihre Nachricht an HENK',
      send: 'Senden',
      you: 'Sie', henk: 'HENK', staff: 'Team',
      log: 'Gesprächsverlauf',
      registerTeaser: 'Optional: Registrierung',
      registerWhy: 'Für personalisierte Empfehlungen',
      account: 'Konto', register: 'Registrieren', login: 'Anmelden', logout: 'Abmelden',
      name: 'Name', email: 'E-Mail', password: 'Passwort', close: 'Schließen',
      passwordHint: 'Mindestens 10 Zeichen, mit drei von: Klein-, Großbuchstaben, Ziffern, Sonderzeichen.',
      signedInAs: 'Angemeldet als',
      fabrics: 'Stoff-Empfehlungen',
      chooseFabric: 'Diesen Stoff wählen',
      chooseFabricMsg: code => `Ich nehme den Stoff ${code}.`,
      suitPrice: p => `als Maßanzug ${p}`,
      leadCreated: '📧 Jemand kontaktiert Sie in Kürze – Ihre Anfrage liegt bei unserem Team.',
      slotsOffered: 'Freie Termine',
      slotTaken: 'Dieser Termin ist leider vergeben. Freie Alternativen:',
      signInToBook: 'Bitte melden Sie sich an – danach buche ich den gewählten Termin.',
      bookedAt: (d, t) => `Termin gebucht: ${d} um ${t} Uhr.`,
      ordinal: ['den ersten', 'den zweiten', 'den dritten', 'den vierten', 'den fünften'],
      pickSlotMsg: (ord, d, t) => ord ? `Ich nehme ${ord} Termin.` : `Am ${d} um ${t} Uhr bitte.`,
      booking: 'Termin buchen', bookingType: 'Art des Termins', bookingDate: 'Datum',
      bookingFind: 'Freie Zeiten zeigen', bookingNone: 'An diesem Tag ist nichts frei.',
      bookingNeedsLogin: 'Zum Buchen bitte anmelden.', bookingDone: (d, t) => `Gebucht: ${d}, ${t} Uhr.`,
      types: { measurement: 'Maßnehmen', consultation: 'Beratung', 'first-fitting': 'Erste Anprobe',
        'second-fitting': 'Zweite Anprobe', pickup: 'Abholung' },
      person: 'Mit einem Menschen sprechen',
      personAsked: 'Ein Mitarbeiter übernimmt das Gespräch und antwortet Ihnen hier.',
      personNeedsChat: 'Schreiben Sie HENK zuerst eine Nachricht.',
      waitingForPerson: 'Ihre Nachricht ist beim Team – eine Person antwortet Ihnen.',
      error: 'Das hat nicht geklappt:', offline: 'Keine Verbindung zum Server.',
      language: 'Sprache', switchTo: 'English', open: 'Chat mit HENK öffnen', minimise: 'Chat schließen',
      thinking: 'HENK schreibt …',
    },
    en: {
      title: 'HENK – your made-to-measure concierge',
      anonymous: '💬 Chat without signing in',
      personal: 'Personalised chat',
      greeting: 'Hello! I am HENK. Tell me what you need a made-to-measure suit for.',
      placeholder: 'Hello! I am looking for a suit...',
      messageLabel: 'Your message to HENK',
      send: 'Send',
      you: 'You', henk: 'HENK', staff: 'Team',
      log: 'Conversation',
      registerTeaser: 'Optional: create an account',
      registerWhy: 'For personalised recommendations',
      account: 'Account', register: 'Register', login: 'Sign in', logout: 'Sign out',
      name: 'Name', email: 'Email', password: 'Password', close: 'Close',
      passwordHint: 'At least 10 characters, with three of: lower-case, upper-case letters, digits, symbols.',
      signedInAs: 'Signed in as',
      fabrics: 'Fabric recommendations',
      chooseFabric: 'Choose this fabric',
      chooseFabricMsg: code => `I'll take the fabric ${code}.`,
      suitPrice: p => `as a bespoke suit ${p}`,
      leadCreated: '📧 Someone will contact you shortly – your request is with our team.',
      slotsOffered: 'Free times',
      slotTaken: 'That time has just been taken. Free alternatives:',
      signInToBook: 'Please sign in – then I will book the time you chose.',
      bookedAt: (d, t) => `Appointment booked: ${d} at ${t}.`,
      ordinal: ['the first', 'the second', 'the third', 'the fourth', 'the fifth'],
      pickSlotMsg: (ord, d, t) => ord ? `I'll take ${ord} one.` : `${d} at ${t}, please.`,
      booking: 'Book an appointment', bookingType: 'Type of appointment', bookingDate: 'Date',
      bookingFind: 'Show free times', bookingNone: 'Nothing is free that day.',
      bookingNeedsLogin: 'Please sign in to book.', bookingDone: (d, t) => `Booked: ${d}, ${t}.`,
      types: { measurement: 'Measurement', consultation: 'Consultation', 'first-fitting': 'First fitting',
        'second-fitting': 'Second fitting', pickup: 'Pickup' },
      person: 'Talk to a person',
      personAsked: 'A member of our team takes over and will answer you here.',
      personNeedsChat: 'Please write HENK a message first.',
      waitingForPerson: 'Your message is with the team – a person will answer you.',
      error: 'That did not work:', offline: 'No connection to the server.',
      language: 'Language', switchTo: 'Deutsch', open: 'Open chat with HENK', minimise: 'Close chat',
      thinking: 'HENK is typing …',
    },
  };

  const initialLanguage = () => {
    const saved = localStorage.getItem('henk.lang');
    if (saved === 'de' || saved === 'en') return saved;
    const wanted = (script && script.dataset.lang) || navigator.language || 'de';
    return wanted.toLowerCase().startsWith('en') ? 'en' : 'de';
  };

  /** Creates an element: h('button', {type: 'button', onclick}, 'text', child…). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'text') el.textContent = value;
      else el.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** Reads a fetch response body as server-sent events, calling onEvent(name, data) per event. */
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.code = problem && problem.code;
      this.problem = problem;
    }
  }

  class HenkChat extends HTMLElement {
    constructor() {
      super();
      this.language = initialLanguage();
      this.sessionId = localStorage.getItem('henk.session') || null;
      this.auth = JSON.parse(localStorage.getItem('henk.auth') || 'null');
      this.busy = false;
      this.seenStaff = new Set();
      this.attachShadow({ mode: 'open' });
    }

    get apiBase() {
      return (this.getAttribute('api-base') || configuredBase).replace(/\/$/, '');
    }

    get t() { return TEXT[this.language]; }

    connectedCallback() {
      const root = this.shadowRoot;
      root.innerHTML = '';
      root.append(h('link', { rel: 'stylesheet', href: cssUrl }));
      this.floating = !this.hasAttribute('inline');
      this.build();
      if (this.auth) this.refreshMe();
      if (this.sessionId && this.auth) this.loadHistory();
    }

    disconnectedCallback() { clearInterval(this.poll); }

    // ---------------------------------------------------------------- layout

    build() {
      const t = this.t;
      const root = this.shadowRoot;
      root.querySelectorAll('.henk').forEach(el => el.remove());
      const frame = h('section', { class: 'henk' + (this.floating ? ' floating' : ''), 'aria-label': t.title,
        lang: this.language });

      this.launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false',
        'aria-label': t.open, onclick: () => this.toggle(true) }, '💬');
      this.panel = h('div', { class: 'panel', id: 'henk-panel' });
      if (this.floating) this.panel.hidden = !this.open;

      this.modeBadge = h('p', { class: 'mode' });
      const header = h('header', {},
        h('h2', { class: 'title' }, 'HENK'),
        this.modeBadge,
        h('div', { class: 'tools' },
          h('button', { type: 'button', class: 'lang', 'aria-label': `${t.language}: ${t.switchTo}`,
            lang: this.language === 'de' ? 'en' : 'de', onclick: () => this.switchLanguage() }, t.switchTo),
          this.accountButton = h('button', { type: 'button', class: 'account-toggle', 'aria-expanded': 'false',
            'aria-controls': 'henk-account', onclick: () => this.toggleAccount() }, t.account),
          this.floating ? h('button', { type: 'button', class: 'close', 'aria-label': t.minimise,
            onclick: () => this.toggle(false) }, '×') : null));

      this.account = h('div', { class: 'account', id: 'henk-account', hidden: true });
      this.teaser = h('p', { class: 'teaser' }, h('strong', {}, t.registerTeaser), ' – ', t.registerWhy, ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.toggleAccount(true, 'register') }, t.register));

      this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0' });
      this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
      this.lead = h('p', { class: 'lead-banner', role: 'status', hidden: true });

      this.input = h('textarea', { id: 'henk-message', rows: '2', placeholder: t.placeholder, maxlength: '2000',
        required: true, onkeydown: e => {
          if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); this.form.requestSubmit(); }
        } });
      this.sendButton = h('button', { type: 'submit', class: 'send' }, t.send);
      this.form = h('form', { class: 'compose', onsubmit: e => { e.preventDefault(); this.sendFromInput(); } },
        h('label', { for: 'henk-message', class: 'visually-hidden' }, t.messageLabel), this.input, this.sendButton);

      const actions = h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'person', onclick: () => this.askForPerson() }, t.person),
        h('button', { type: 'button', class: 'book-toggle', 'aria-expanded': 'false', 'aria-controls': 'henk-booking',
          onclick: e => this.toggleBooking(e.currentTarget) }, t.booking));
      this.booking = h('div', { class: 'booking', id: 'henk-booking', hidden: true });

      this.panel.append(header, this.account, this.teaser, this.log, this.lead, this.status, this.form, actions,
        this.booking);
      if (this.floating) frame.append(this.launcher);
      frame.append(this.panel);
      root.append(frame);
      this.renderAccount();
      this.renderBooking();
      if (!this.log.childElementCount) this.addMessage('henk', t.greeting);
    }

    toggle(open) {
      this.open = open;
      this.panel.hidden = !open;
      this.launcher.setAttribute('aria-expanded', String(open));
      this.launcher.hidden = open;
      if (open) this.input.focus(); else this.launcher.focus();
    }

    switchLanguage() {
      this.language = this.language === 'de' ? 'en' : 'de';
      localStorage.setItem('henk.lang', this.language);
      const history = [...this.log.children].map(node => node.cloneNode(true));
      this.build();
      this.log.replaceChildren(...history);
      this.shadowRoot.querySelector('.lang').focus();
      this.dispatchEvent(new CustomEvent('henk-language', { detail: this.language, bubbles: true, composed: true }));
    }

    // ---------------------------------------------------------------- API

    async api(path, { method = 'GET', body, auth = true, stream = false, retry = true } = {}) {
      const headers = { Accept: stream ? 'text/event-stream' : 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (auth && this.auth) headers.Authorization = `Bearer ${this.auth.access_token}`;
      let response;
      try {
        response = await fetch(this.apiBase + path, { method, headers,
          body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (e) {
        throw new ApiError(0, { detail: this.t.offline });
      }
      if (response.status === 401 && auth && this.auth && retry && await this.refreshTokens()) {
        return this.api(path, { method, body, auth, stream, retry: false });
      }
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok) {
        const problem = type.includes('json') ? await response.json().catch(() => null) : null;
        if (response.status === 401 && auth && this.auth) this.signedOut();
        throw new ApiError(response.status, problem);
      }
      if (stream && type.includes('text/event-stream')) return response;
      if (response.status === 204) return null;
      return type.includes('json') ? response.json() : null;
    }

    async refreshTokens() {
      try {
        const tokens = await this.api('/api/auth/refresh', { method: 'POST', auth: false,
          body: { refresh_token: this.auth.refresh_token } });
        this.saveAuth({ ...this.auth, ...tokens });
        return true;
      } catch (e) {
        return false;
      }
    }

    saveAuth(auth) {
      this.auth = auth;
      if (auth) localStorage.setItem('henk.auth', JSON.stringify(auth));
      else localStorage.removeItem('henk.auth');
      this.renderAccount();
    }

    signedOut() { this.saveAuth(null); }

    // ---------------------------------------------------------------- chat

    addMessage(author, text) {
      const t = this.t;
      const who = author === 'customer' ? t.you : author === 'henk' ? t.henk : t.staff;
      const body = h('p', { class: 'text' }, text);
      const bubble = h('div', { class: `msg ${author}` }, h('span', { class: 'who' }, `${who}: `), body);
      this.log.append(bubble);
      this.log.scrollTop = this.log.scrollHeight;
      return body;
    }

    sendFromInput() {
      const text = this.input.value.trim();
      if (!text || this.busy) return;
      this.input.value = '';
      this.send(text);
    }

    async send(text) {
      const t = this.t;
      this.busy = true;
      this.sendButton.disabled = true;
      this.status.textContent = t.thinking;
      this.addMessage('customer', text);
      const body = { message: text };
      if (this.sessionId) body.session_id = this.sessionId;
      let bubble = null;
      try {
        const response = await this.api('/api/chat', { method: 'POST', body, stream: !!(window.ReadableStream) });
        let result = null;
        if (response instanceof Response) {
          await readEvents(response, (name, data) => {
            if (name === 'chunk') {
              if (!bubble) bubble = this.addMessage('henk', '');
              bubble.textContent += data.text;
            } else if (name === 'done') {
              result = data;
            }
          });
        } else {
          result = response;
        }
        if (!result) throw new ApiError(0, { detail: t.offline });
        this.turnDone(result, bubble);
      } catch (e) {
        this.showError(e);
      } finally {
        this.busy = false;
        this.sendButton.disabled = false;
        if (this.status.textContent === t.thinking) this.status.textContent = '';
      }
    }

    turnDone(result, bubble) {
      const t = this.t;
      this.sessionId = result.session_id;
      localStorage.setItem('henk.session', this.sessionId);
      // done.reply is what was stored (a model that failed mid-stream is replaced by the offline reply)
      if (result.reply) {
        if (bubble) bubble.textContent = result.reply; else this.addMessage('henk', result.reply);
      }
      if (result.concierge === 'staff') {
        this.status.textContent = t.waitingForPerson;
        this.watchStaff();
      }
      if (result.recommendations && result.recommendations.length) this.renderFabrics(result.recommendations);
      if (result.appointment) this.renderAppointment(result.appointment);
      if (result.lead && result.lead.status === 'created') {
        this.lead.textContent = t.leadCreated;
        this.lead.hidden = false;
      }
      this.dispatchEvent(new CustomEvent('henk-turn', { detail: result, bubbles: true, composed: true }));
    }

    showError(e) {
      const detail = e instanceof ApiError ? e.message : String(e);
      this.status.textContent = `${this.t.error} ${detail}`;
    }

    money(amount) {
      return new Intl.NumberFormat(this.language === 'de' ? 'de-DE' : 'en-GB',
        { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
    }

    day(isoDate) {
      return new Intl.DateTimeFormat(this.language === 'de' ? 'de-DE' : 'en-GB',
        { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${isoDate}T12:00:00`));
    }

    renderFabrics(fabrics) {
      const t = this.t;
      const list = h('ul', { class: 'fabrics', 'aria-label': t.fabrics });
      for (const f of fabrics) {
        const en = this.language === 'en';
        const colour = en && f.colour_en ? f.colour_en : f.colour;
        const pattern = en && f.pattern_en ? f.pattern_en : f.pattern;
        const composition = en && f.composition_en ? f.composition_en : f.composition;
        list.append(h('li', { class: 'fabric' },
          h('article', { 'aria-label': `${f.name} (${f.code})` },
            h('h3', {}, `${f.name} `, h('span', { class: 'code' }, f.code)),
            h('p', { class: 'mill' }, [f.mill, colour, pattern, composition].filter(Boolean).join(' · ')),
            f.suit_price_eur ? h('p', { class: 'price' }, t.suitPrice(this.money(f.suit_price_eur))) : null,
            f.reasons && f.reasons.length ? h('ul', { class: 'reasons' }, f.reasons.map(r => h('li', {}, r))) : null,
            h('button', { type: 'button', class: 'choose', onclick: () => this.send(t.chooseFabricMsg(f.code)) },
              t.chooseFabric))));
      }
      this.log.append(h('div', { class: 'msg cards' }, h('p', { class: 'cards-title' }, t.fabrics), list));
      this.log.scrollTop = this.log.scrollHeight;
    }

    renderAppointment(a) {
      const t = this.t;
      const type = t.types[a.type] || a.type;
      if (a.status === 'offered' || a.status === 'taken') {
        const slots = h('ul', { class: 'slots', 'aria-label': `${t.slotsOffered}: ${type}` });
        a.slots.forEach((slot, i) => slots.append(h('li', {}, h('button', { type: 'button', class: 'slot',
          onclick: () => this.send(t.pickSlotMsg(a.slots.length <= t.ordinal.length ? t.ordinal[i] : null,
            slot.date, slot.time)) }, `${this.day(slot.date)}, ${slot.time}`))));
        this.log.append(h('div', { class: 'msg cards' },
          h('p', { class: 'cards-title' }, a.status === 'taken' ? t.slotTaken : `${t.slotsOffered} (${type})`), slots));
      } else if (a.status === 'sign_in_required') {
        this.log.append(h('div', { class: 'msg notice' }, t.signInToBook));
        this.toggleAccount(true, 'login');
      } else if (a.status === 'booked' && a.chosen) {
        this.log.append(h('div', { class: 'msg notice booked' }, t.bookedAt(this.day(a.chosen.date), a.chosen.time)));
      }
      this.log.scrollTop = this.log.scrollHeight;
    }

    async askForPerson() {
      const t = this.t;
      if (!this.sessionId) { this.status.textContent = t.personNeedsChat; return; }
      try {
        await this.api(`/api/chat/sessions/${encodeURIComponent(this.sessionId)}/handoff`, { method: 'POST', body: {} });
        this.log.append(h('div', { class: 'msg notice' }, t.personAsked));
        this.status.textContent = t.personAsked;
        this.watchStaff();
      } catch (e) {
        this.showError(e);
      }
    }

    /** A person answers inside the session; a signed-in customer's widget looks for those answers. */
    watchStaff() {
      if (!this.auth || this.poll) return;
      this.poll = setInterval(() => this.loadHistory(true), 5000);
    }

    /** Without onlyStaff: shows the stored conversation (a returning customer); with it: new answers of a person. */
    async loadHistory(onlyStaff) {
      try {
        const session = await this.api(`/api/chat/sessions/${encodeURIComponent(this.sessionId)}`);
        if (!onlyStaff && session.messages.length) this.log.replaceChildren();
        for (const m of session.messages) {
          const seen = this.seenStaff.has(m.id);
          if (m.author === 'staff') this.seenStaff.add(m.id);
          if (!onlyStaff || (m.author === 'staff' && !seen)) this.addMessage(m.author, m.content);
        }
      } catch (e) {
        if (e.status === 404 || e.status === 403) {
          this.sessionId = null;
          localStorage.removeItem('henk.session');
        }
      }
    }

    // ---------------------------------------------------------------- account

    toggleAccount(force, view) {
      const open = force === undefined ? this.account.hidden : force;
      if (view) this.accountView = view;
      this.account.hidden = !open;
      this.accountButton.setAttribute('aria-expanded', String(open));
      this.renderAccount();
      if (open) {
        const first = this.account.querySelector('input, button');
        if (first) first.focus();
      }
    }

    renderAccount() {
      if (!this.account) return;
      const t = this.t;
      this.modeBadge.textContent = this.auth ? t.personal : t.anonymous;
      this.teaser.hidden = !!this.auth;
      this.account.replaceChildren();
      if (this.auth) {
        this.account.append(h('p', {}, `${t.signedInAs} ${this.auth.username || this.auth.email}`),
          h('button', { type: 'button', class: 'logout', onclick: () => this.logout() }, t.logout));
        return;
      }
      const view = this.accountView || 'register';
      const tabs = h('div', { class: 'tabs', role: 'group' },
        h('button', { type: 'button', 'aria-pressed': String(view === 'register'),
          onclick: () => this.toggleAccount(true, 'register') }, t.register),
        h('button', { type: 'button', 'aria-pressed': String(view === 'login'),
          onclick: () => this.toggleAccount(true, 'login') }, t.login));
      const field = (id, label, type, autocomplete, extra) => h('p', { class: 'field' },
        h('label', { for: id }, label),
        h('input', { id, name: id.replace('henk-', ''), type, autocomplete, required: true, ...extra }));
      const fields = view === 'register'
        ? [field('henk-name', t.name, 'text', 'name'), field('henk-email', t.email, 'email', 'email'),
          field('henk-password', t.password, 'password', 'new-password',
            { minlength: '10', 'aria-describedby': 'henk-password-hint' }),
          h('p', { id: 'henk-password-hint', class: 'hint' }, t.passwordHint)]
        : [field('henk-email', t.email, 'email', 'email'),
          field('henk-password', t.password, 'password', 'current-password')];
      const error = h('p', { class: 'form-error', role: 'alert' });
      const form = h('form', { class: 'account-form', onsubmit: e => { e.preventDefault(); this.submitAccount(view, form, error); } },
        ...fields, error, h('button', { type: 'submit' }, view === 'register' ? t.register : t.login));
      this.account.append(tabs, form);
    }

    async submitAccount(view, form, error) {
      const data = Object.fromEntries(new FormData(form));
      const body = view === 'register'
        ? { email: data.email, username: data.name, password: data.password }
        : { email: data.email, password: data.password };
      if (view === 'register' && this.sessionId) body.session_id = this.sessionId;
      try {
        const auth = await this.api(`/api/auth/${view}`, { method: 'POST', body, auth: false });
        this.saveAuth(auth);
        this.toggleAccount(false);
        this.input.focus();
      } catch (e) {
        const fieldErrors = e.problem && e.problem.errors ? e.problem.errors.map(x => `${x.field}: ${x.message}`) : [];
        error.textContent = [e.message, ...fieldErrors].join(' ');
      }
    }

    async refreshMe() {
      try {
        const me = await this.api('/api/auth/me');
        this.saveAuth({ ...this.auth, username: me.username, email: me.email });
      } catch (e) { /* a failed refresh already signed out */ }
    }

    async logout() {
      try {
        await this.api('/api/auth/logout', { method: 'POST', body: { refresh_token: this.auth.refresh_token } });
      } catch (e) { /* the tokens are dropped either way */ }
      this.saveAuth(null);
      this.sessionId = null;
      localStorage.removeItem('henk.session');
      clearInterval(this.poll);
      this.poll = null;
    }

    // ---------------------------------------------------------------- booking (availability + POST /api/appointments)

    toggleBooking(button) {
      const open = this.booking.hidden;
      this.booking.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) this.booking.querySelector('select').focus();
    }

    renderBooking() {
      const t = this.t;
      const today = new Date();
      const tomorrow = new Date(today.getTime() + 86400000).toISOString().slice(0, 10);
      const type = h('select', { id: 'henk-booking-type', name: 'type' },
        Object.entries(t.types).map(([value, label]) => h('option', { value }, label)));
      const date = h('input', { id: 'henk-booking-date', name: 'date', type: 'date', min: tomorrow, value: tomorrow,
        required: true });
      const times = h('div', { class: 'times', role: 'group', 'aria-live': 'polite' });
      const find = async e => {
        e.preventDefault();
        times.replaceChildren();
        try {
          const free = await this.api(`/api/appointments/availability?date=${date.value}&type=${type.value}`,
            { auth: false });
          if (!free.free_times.length) { times.append(h('p', {}, t.bookingNone)); return; }
          free.free_times.slice(0, 12).forEach(time => times.append(h('button', { type: 'button', class: 'time',
            onclick: () => this.book(date.value, time.slice(0, 5), type.value, times) }, time.slice(0, 5))));
        } catch (err) {
          times.append(h('p', { role: 'alert' }, `${t.error} ${err.message}`));
        }
      };
      this.booking.replaceChildren(h('form', { class: 'booking-form', onsubmit: find },
        h('p', { class: 'field' }, h('label', { for: 'henk-booking-type' }, t.bookingType), type),
        h('p', { class: 'field' }, h('label', { for: 'henk-booking-date' }, t.bookingDate), date),
        h('button', { type: 'submit' }, t.bookingFind)), times);
    }

    async book(date, time, type, times) {
      const t = this.t;
      if (!this.auth) {
        times.replaceChildren(h('p', { role: 'alert' }, t.bookingNeedsLogin));
        this.toggleAccount(true, 'login');
        return;
      }
      try {
        const booked = await this.api('/api/appointments', { method: 'POST', body: { date, time, type } });
        times.replaceChildren(h('p', { role: 'status', class: 'booked' },
          t.bookingDone(this.day(booked.date), String(booked.time).slice(0, 5))));
      } catch (e) {
        times.replaceChildren(h('p', { role: 'alert' }, `${t.error} ${e.message}`));
      }
    }
  }

  customElements.define('henk-chat', HenkChat);

  const mount = () => {
    if (document.querySelector('henk-chat') || (script && script.dataset.mount === 'none')) return;
    document.body.append(document.createElement('henk-chat'));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount); else mount();
})();
