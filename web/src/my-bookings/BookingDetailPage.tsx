export function BookingDetailPage() {
  return <h1>TODO</h1>;
}
