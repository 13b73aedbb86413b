import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

/** web/ sits at the project root: two levels up from server/routes, three from dist/server/routes. */
function readPage(): string {
  for (const path of ['../../web/index.html', '../../../web/index.html']) {
    try {
      return readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
    } catch {
      // try the next layout
    }
  }
  throw new Error('web/index.html not found');
}

/** Until the SPA lands, the root serves web/index.html: one plain page pointing at the API. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const page = readPage();
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
};
