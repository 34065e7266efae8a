/** Ambient declarations for the renderer build (vite handles CSS imports). */
declare module '*.css';
