# syntax=docker/dockerfile:1

# ---- deps: production dependencies only (tsx is a runtime dependency) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Code and dependencies stay owned by root (read-only for the app user);
# only the directories the bot writes to belong to `node`.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY src ./src
COPY adapters ./adapters
COPY templates ./templates
RUN mkdir -p /app/postmortems /app/data \
 && chown node:node /app/postmortems /app/data

# The official image's unprivileged user (uid 1000).
USER node

EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# node itself is PID 1 (no npm/sh wrapper), so SIGTERM reaches the bot's handler.
# `--import tsx` registers tsx's loader (tsx >= 4) to run the TypeScript sources.
CMD ["node", "--import", "tsx", "src/main.ts"]
