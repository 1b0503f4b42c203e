// In WeChat the main package holds the home page already; only H5 needs this (first-page.h5.ts).
export {};
