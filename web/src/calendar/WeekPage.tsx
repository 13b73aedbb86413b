export function WeekPage() {
  return <h1>TODO</h1>;
}
