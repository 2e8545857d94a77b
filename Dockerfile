# The complaint-handling application (bin/start.ts) for a container next to a Camunda 8 cluster and a
# PostgreSQL (see docker-compose.yml). Configure it with ZEEBE_GRPC_ADDRESS, ZEEBE_REST_ADDRESS and
# DATABASE_URL; without them it would start its embedded engine and PostgreSQL instead.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# the sources (.dockerignore keeps node_modules, dist and data out); tsconfig.build.json picks what ships
COPY . .
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev && mkdir -p processes

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/processes ./processes
USER node
EXPOSE 3000
# exec form: node is PID 1 and gets SIGTERM itself, for the graceful shutdown
CMD ["node", "dist/bin/start.js"]
