# The diemcau server image: GraphQL API, Socket.IO and the built web pages on port 4000.
# Expects DATABASE_URL (see docker-compose.yml). Not built on the project's own machines (no Docker engine there).
FROM node:24-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json tsconfig.json ./
COPY schema/package.json schema/
COPY server/package.json server/
COPY web/package.json web/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile --filter @diemcau/server... --filter @diemcau/web...
COPY schema schema
COPY server server
COPY web web
RUN pnpm --filter @diemcau/web build && chown -R node:node /app
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
USER node
WORKDIR /app/server
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
