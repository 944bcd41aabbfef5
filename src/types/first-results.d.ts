declare module 'virtual:first-results' {
  const first: import('../app/firstResults.ts').FirstResults | null;
  export default first;
}
