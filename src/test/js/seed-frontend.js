// 1. User Registration
const register = async (email, username, password) => {
  const response = await fetch('http://localhost:8000/api/auth/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, username, password })
  });

  const data = await response.json();

  // Speichere Token
  localStorage.setItem('access_token', data.access_token);
  localStorage.setItem('refresh_token', data.refresh_token);

  return data;
};

// 2. Chat senden
const sendMessage = async (message, sessionId = null) => {
  const token = localStorage.getItem('access_token');

  const response = await fetch('http://localhost:8000/api/chat', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Authorization': token ? `Bearer ${token}` : ''  // Optional auth
    },
    body: JSON.stringify({ message, session_id: sessionId })
  });

  return await response.json();
};

// 3. Lead erstellen (wenn Kunde interessiert)
const createLead = async (customerData) => {
  const token = localStorage.getItem('access_token');

  const response = await fetch('http://localhost:8000/api/crm/lead', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Authorization': `Bearer ${token}`
    },
    body: JSON.stringify(customerData)
  });

  return await response.json();
};

// 4. Deal-Historie abrufen (für Beta-User Dashboard)
const getDeals = async () => {
  const token = localStorage.getItem('access_token');

  const response = await fetch('http://localhost:8000/api/crm/deals', {
    headers: {
      'Authorization': `Bearer ${token}`
    }
  });

  return await response.json();
};
