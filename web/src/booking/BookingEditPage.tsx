export function BookingEditPage() {
  return <h1>TODO</h1>;
}
