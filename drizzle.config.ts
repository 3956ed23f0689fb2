import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from src/main/db/schema.ts.
// Custom SQL (trigram indexes, data loads): `npx drizzle-kit generate --custom --name=<what>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/main/db/schema.ts',
  out: './src/main/db/migrations',
});
