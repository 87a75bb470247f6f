/** Hands `bytes` to the browser as a download named `name` (a Chinese name is kept as it is). */
export function downloadBytes(bytes: Uint8Array, name: string, type = 'application/vnd.sqlite3'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has surely read it: revoking at once can cut a large download short.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
