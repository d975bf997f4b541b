/** The organiser's pages, loaded only when an organiser opens /organiser. */
export function OrganiserApp() {
  return <h1>Organiser</h1>;
}
