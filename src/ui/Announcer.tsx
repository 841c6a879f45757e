import { useAnnouncement } from './announcer';

export function Announcer() {
  const a = useAnnouncement();
  return (
    <div className="announcer" role="status" aria-live="polite">
      {a && (
        <p key={a.id} className={`toast toast--${a.tone}`}>
          {a.text}
        </p>
      )}
    </div>
  );
}
