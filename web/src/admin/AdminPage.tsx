export function AdminPage() {
  return <h1>TODO</h1>;
}
