/** A horizontal bar for a share, with its figure in text beside it (readable without the bar). */
export function Bar({ share, label }: { share: number; label: string }) {
  return (
    <span class="bar">
      <span class="bar-fill" style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }} aria-hidden="true" />
      <span class="bar-label">{label}</span>
    </span>
  );
}
