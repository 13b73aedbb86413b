import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/**
 * The built SPA (dist/web, written by `vite build web`): hashed assets cached for a year, and
 * index.html for every other GET outside /api, so that /week or /bookings/12 open the app.
 * dist/web is two levels up from server/routes (tsx) and from dist/server/routes (built).
 */
function findBuiltApp(): string | null {
  for (const path of ['../../dist/web/', '../../web/']) {
    const dir = fileURLToPath(new URL(path, import.meta.url));
    if (existsSync(`${dir}index.html`) && existsSync(`${dir}assets`)) return dir;
  }
  return null;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Commons</title></head>
<body><main><h1>Commons</h1><p>The browser app has not been built. Run <code>npm run build</code> (or <code>npm start</code>),
or <code>npm run dev:web</code> while developing. The API is running: <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

export const webRoutes: FastifyPluginAsync = async (app) => {
  const dir = findBuiltApp();
  const page = dir ? readFileSync(`${dir}index.html`, 'utf8') : NOT_BUILT;
  if (dir) {
    await app.register(fastifyStatic, {
      root: `${dir}assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      decorateReply: false,
    });
  }
  const sendPage = async (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, sendPage);
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // An unknown /api path or a missing file stays a 404, not the app.
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return sendPage(request, reply);
  });
};
