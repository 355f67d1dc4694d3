// The whole customer journey in Spanish: the portal in Spanish from the browser's language,
// a complaint submitted and followed, staff acknowledging, replying and resolving (through the
// API), the customer reading the reply, rating it and asking for a review; the published
// standards and "usted dijo, nosotros hicimos" in Spanish too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newPage, phone, screenshot, seriousViolations, serverAndBrowser,
} from './harness.mjs';

let agent;
let admin;
const env = serverAndBrowser({
  setup: async ({ server }) => {
    server.addStaff('agente@example.org', 'Alba Agente', 'agent');
    agent = await server.signIn('agente@example.org');
    admin = await server.signIn('admin@example.org');
  },
});

test('a Spanish-speaking customer complains, follows, reads the reply, rates and asks for a review', async () => {
  const page = await newPage(env.browser, { locale: 'es-ES' });
  await page.goto(env.server.url + '/');
  await page.getByRole('heading', { name: 'Contactar' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await page.getByLabel('Su nombre').fill('Lucía Romero');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await page.getByRole('alert').getByText('Escriba un asunto: unas palabras sobre de qué se trata.').waitFor();
  assert.equal(await page.getByLabel('Asunto').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-error');
  await page.getByLabel('¿De qué se trata?').selectOption('complaint');
  await page.getByLabel('Asunto').fill('El certificado no ha llegado');
  await page.getByLabel(/Cuéntenos qué ocurrió/).fill('Aprobé en octubre y sigo esperando.');
  await page.getByLabel('Su nombre').fill('Lucía Romero');
  await page.getByLabel('Su correo electrónico').fill('lucia@example.org');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await page.getByRole('heading', { name: 'Gracias: hemos recibido su queja' }).waitFor();
  const reference = (await page.getByText(/Su referencia es/).textContent()).match(/es (\S+)\./)[1];
  const dates = await page.locator('.deadlines li').allTextContents();
  assert.ok(dates.some((d) => /^Acusamos recibo: antes del \w+, \d+ de \w+ de 20\d\d/.test(d)), dates.join('\n'));
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-submitted');

  // The customer's language is on file, for the emails that follow.
  const { customers } = await admin('GET', '/api/v1/customers?email=lucia%40example.org');
  assert.equal(customers[0].language, 'es');

  await agent('POST', `/api/v1/cases/${reference}/events`, { type: 'acknowledged' });
  await agent('POST', `/api/v1/cases/${reference}/events`,
    { type: 'replied', summary: 'Su certificado se envió ayer por correo certificado.' });
  await agent('POST', `/api/v1/cases/${reference}/events`, { type: 'resolved', outcome: 'not_upheld' });

  await page.getByRole('link', { name: 'Seguir su caso' }).click();
  await page.getByRole('heading', { name: new RegExp(reference) }).waitFor();
  assert.equal(await page.locator('.facts dd').nth(1).textContent(), 'Resuelto');
  await page.getByText('Su certificado se envió ayer por correo certificado.').waitFor();
  assert.ok(await page.getByText('Respuesta', { exact: true }).count() >= 1);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-reply');

  await page.getByRole('radio', { name: '4' }).check();
  await page.getByLabel('Algo que quiera decirnos').fill('Rápido y amable.');
  await page.getByRole('button', { name: 'Enviar mi valoración' }).click();
  await page.getByText('4 / 5 — Rápido y amable.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Enviar mi valoración' }).count(), 0);

  await page.getByLabel('¿Por qué quiere una revisión?').fill('El certificado tiene un error en mi nombre.');
  await page.getByRole('button', { name: 'Pedir una revisión' }).click();
  await page.getByText('El certificado tiene un error en mi nombre.').waitFor();
  const seen = await agent('GET', `/api/v1/cases/${reference}`);
  assert.equal(seen.stage, 'stage2');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-review');
});

test('the published standards and "you said, we did" in Spanish, and back in English', async () => {
  const page = await newPage(env.browser, { locale: 'es-ES', viewport: phone });
  await page.goto(env.server.url + '/#/standards');
  await page.getByRole('heading', { name: 'Nuestros compromisos de atención al cliente' }).waitFor();
  await page.getByRole('heading', { name: 'Si no está satisfecho' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-standards');
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('heading', { name: 'Our customer care standards' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Our customer care standards' }).waitFor(); // remembered
  await page.getByLabel('Language').selectOption('es');

  await page.goto(env.server.url + '/#/suggestions');
  await page.getByLabel('Su sugerencia').fill('Abrir los sábados por la mañana');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await page.getByText('Gracias por su sugerencia.').waitFor();
  const { suggestions } = await admin('GET', '/api/v1/suggestions');
  const made = suggestions.find((s) => s.text === 'Abrir los sábados por la mañana');
  assert.ok(made, 'the suggestion is on file');
  await admin('PATCH', `/api/v1/suggestions/${made.id}`,
    { status: 'adopted', response: 'Desde enero abrimos los sábados de 9 a 13.', published: true });
  await page.reload();
  await page.getByText('Desde enero abrimos los sábados de 9 a 13.').waitFor();
  assert.ok(await page.getByText('Usted dijo:').count() >= 1);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-es-suggestions');
});
