export function MyBookingsPage() {
  return <h1>TODO</h1>;
}
