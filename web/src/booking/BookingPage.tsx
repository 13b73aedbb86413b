export function BookingPage() {
  return <h1>TODO</h1>;
}
