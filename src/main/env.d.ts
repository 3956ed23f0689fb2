// Types for electron-vite's import suffixes in main-process code (`./worker?modulePath`).
/// <reference types="electron-vite/node" />
