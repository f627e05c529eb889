export * from './errors.js';
export * from './logger.js';
export * from './version.js';
export * from './paths.js';
export * from './plural.js';
export * from './append-all.js';
export * from './printable.js';
export * from './workflow-commands.js';
export * from './message-urls.js';
export * from './echoed-secrets.js';
export * from './request-echo.js';
export * from './socket-failure.js';
export * from './bounded-body.js';
export * from './byte-order-mark.js';
export * from './json-depth.js';
export * from './file-in-the-way.js';
export {
  brokenLinkAtEnd,
  brokenLinkError,
  describeBrokenLink,
  linkTrouble,
  type BrokenLink,
  type LinkTrouble,
} from './broken-link.js';
export * from './fs/is-file.js';
export * from './fs/made-folders.js';
export * from './fs/scratch-folder.js';
export * from './fs/temporaries-on-signal.js';
export * from './fs/temporary-sibling.js';
export * from './fs/write-failure.js';
export * from './fs/write-file-atomically.js';
export * from './project-url.js';
export * from './readme-todo.js';
export * from './setting-words.js';
export * from './solution-definition-limit.js';
export * from './edit-distance.js';
export * from './connector-file-names.js';
export * from './misnamed-connector-file.js';
export * from './windows-1252.js';
export * from './text-ends.js';
export * from './text-order.js';
export * from './top-folders.js';
