/** netmap's page: the graph with its toolbar, and the side panels. */
export function App() {
  return (
    <main className="app">
      <h1>netmap</h1>
    </main>
  );
}
