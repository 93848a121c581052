/**
 * The dependency rules of tocsin (issue #13), checked by `npm run depcheck` in CI:
 * no import cycles; the core imports none of the outer layers; adapters reach the core only
 * through its public API and the ports.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-inside',
      severity: 'error',
      comment:
        'src/core is the platform-neutral core: policy it needs comes through a port it owns (src/ports, src/core/policy).',
      from: { path: '^src/core/' },
      to: {
        path: '^(src/(paging|config|redaction|storage|jobs|app|postmortem|observability|http|logging)/|adapters/)',
      },
    },
    {
      name: 'core-no-infrastructure-packages',
      severity: 'error',
      comment: 'The core talks to Redis, BullMQ and the platforms through ports only.',
      from: { path: '^src/(core|ports)/' },
      to: { path: 'node_modules/(ioredis|bullmq|@slack|discord\\.js|@discordjs)/' },
    },
    {
      name: 'ports-stay-ports',
      severity: 'error',
      comment: 'Ports are interfaces the core owns; they name core types, never implementations.',
      from: { path: '^src/ports/' },
      to: {
        path: '^(src/(paging|redaction|storage|jobs|app|postmortem|observability|http|logging)/|adapters/)',
      },
    },
    {
      name: 'adapters-use-the-public-core-api',
      severity: 'error',
      comment: 'Adapters import src/ports and src/core/public-api.ts, not the core internals.',
      from: { path: '^adapters/' },
      to: { path: '^src/core/', pathNot: '^src/core/public-api\\.ts$' },
    },
    {
      name: 'adapters-no-app-internals',
      severity: 'error',
      comment:
        'The composition root, the store, the jobs, paging and the redactor are not an adapter’s business: the redactor comes through app.services (a port), so every exit redacts with the one the app built.',
      from: { path: '^adapters/' },
      to: { path: '^(src/(app|storage|jobs|paging|postmortem|redaction)/|node_modules/bullmq/)' },
    },
    {
      name: 'adapter-runtime-stays-neutral',
      severity: 'error',
      comment:
        'adapters/runtime is what Slack, Discord and the console share: it knows none of them, nor their libraries.',
      from: { path: '^adapters/runtime/' },
      to: { path: '^(adapters/(?!runtime/)|node_modules/(@slack|discord\\.js|@discordjs)/)' },
    },
    {
      name: 'adapters-stay-apart',
      severity: 'error',
      comment: 'One platform never reaches into another; what they share lives in adapters/runtime.',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/($1|runtime)/' },
    },
    {
      name: 'src-never-imports-adapters',
      severity: 'error',
      comment: 'Adapters import src/, never the reverse (the composition root main.ts wires them).',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^adapters/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
