import type { FastifyPluginAsync } from 'fastify';

/** Until the SPA lands, the root serves one plain page pointing at the API and its docs. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Commons</title></head>
<body>
<h1>Commons</h1>
<p>The shared-facility scheduler of the building council is running.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li><a href="/api/campuses">Campuses</a> · <a href="/api/health">Health</a></li>
</ul>
</body></html>`),
  );
};
