import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  EVENT_KINDS,
  interestSummary,
  type EventKind,
  type ShopEvent,
  type TrainingRun,
} from '../../engine/index.ts';
import { lastRunWords, whereItRuns } from '../device-words.ts';
import { cart } from '../cart.ts';
import { useEngineState, useEventsSnapshot, useShop } from '../engine.tsx';
import { formatTime } from '../format.ts';
import { networkAudit, subscribeNetworkAudit } from '../network-audit.ts';

const PAGE = 50;

function describeEvent(event: ShopEvent, title: (id: string) => string): string {
  switch (event.kind) {
    case 'search':
      return `“${event.query}”`;
    case 'impression':
      return `${event.shelf}: ${event.items.length} items`;
    case 'dwell':
      return `${title(event.itemId)} for ${(event.ms / 1000).toFixed(1)} s`;
    default:
      return title(event.itemId);
  }
}

/** Everything stored about the shopper: see it, export it, pause, delete. */
export function YourData() {
  const { engine, items } = useShop();
  const snapshot = useEventsSnapshot();
  const state = useEngineState();
  const audit = useSyncExternalStore(subscribeNetworkAudit, networkAudit);
  const [events, setEvents] = useState<ShopEvent[] | null>(null);
  const [kind, setKind] = useState<EventKind | ''>('');
  const [page, setPage] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void engine.events.all().then((all) => setEvents(all.reverse()));
  }, [engine, snapshot.revision]);

  const title = (id: string) => items.get(id)?.title ?? id;
  const interests = useMemo(
    () => (events ? interestSummary(events, (id) => items.get(id)?.category) : []),
    [events, items],
  );
  const filtered = useMemo(() => (events ?? []).filter((e) => !kind || e.kind === kind), [events, kind]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));

  const exportAll = async () => {
    const data = await engine.events.exportAll();
    const runs = await engine.runs().catch(() => []);
    const blob = new Blob([JSON.stringify({ ...data, trainingRuns: runs }, null, 2)], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `localshelf-export-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setMessage(`Exported ${data.events.length} events.`);
  };
  const deleteAll = async () => {
    await engine.deleteAll();
    cart.clear();
    setConfirming(false);
    setMessage('Everything LocalShelf stored about you has been deleted.');
  };

  const model = state.model;
  // Runs are logged in IndexedDB: the last one is shown after a reload too.
  const [lastRun, setLastRun] = useState<TrainingRun | null | undefined>(undefined);
  useEffect(() => {
    void engine
      .runs()
      .then((runs) => setLastRun(runs.at(-1) ?? null))
      .catch(() => setLastRun(null));
  }, [engine, state.training.lastRun, snapshot.revision]);
  return (
    <div className="page your-data">
      <h1>Your data</h1>
      <p className="lead">
        Everything below is stored <strong>only in this browser</strong>. None of it is sent to us or anyone
        else: the shop downloads its catalog, its model and its pictures, and learns your taste right here.
      </p>
      <div className="stats">
        <div className="stat" data-testid="network-audit">
          <span className="stat__value" data-testid="requests-with-data">
            {audit.carryingData + (state.workerRequests?.carryingData ?? 0)}
          </span>
          <span className="stat__label">
            network requests that carried your behaviour (of{' '}
            <span data-testid="requests-total">
              {audit.resources + (state.workerRequests?.resources ?? 0)}
            </span>{' '}
            this page and its model worker have made)
          </span>
        </div>
        <div className="stat">
          <span className="stat__value" data-testid="stored-count">
            {events?.length ?? '…'}
          </span>
          <span className="stat__label">
            events stored{' '}
            {snapshot.persistence === 'indexeddb'
              ? 'in this browser'
              : 'in memory only (IndexedDB unavailable)'}
          </span>
        </div>
        <div className="stat">
          <span className="stat__value" data-testid="tracking-state">
            {snapshot.paused ? 'Paused' : 'On'}
          </span>
          <span className="stat__label">tracking</span>
        </div>
      </div>
      {snapshot.fallbackReason && <p className="notice">Why memory only: {snapshot.fallbackReason}</p>}

      <div className="actions">
        <button type="button" className="button" onClick={() => void exportAll()}>
          Export as JSON
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void (snapshot.paused ? engine.events.resume() : engine.events.pause())}
        >
          {snapshot.paused ? 'Resume tracking' : 'Pause tracking'}
        </button>
        {confirming ? (
          <span className="confirm" role="alertdialog" aria-label="Confirm deletion">
            Delete all events, your personal model and its training log?{' '}
            <button type="button" className="button button--danger" onClick={() => void deleteAll()}>
              Yes, delete everything
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Delete everything
          </button>
        )}
      </div>
      <p role="status" className="status-message">
        {message}
      </p>

      <section aria-labelledby="interests-heading">
        <h2 id="interests-heading">What this device thinks you like</h2>
        {interests.length === 0 ? (
          <p className="muted">Nothing yet: browse a little.</p>
        ) : (
          <ul className="interests">
            {interests.map((i) => (
              <li key={i.category}>
                <span>{i.category}</span>
                <meter
                  min={0}
                  max={1}
                  value={i.share}
                  aria-label={`${i.category}: ${(i.share * 100).toFixed(0)}%`}
                />
                <span>{(i.share * 100).toFixed(0)}%</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="model-heading">
        <h2 id="model-heading">Your model</h2>
        <dl className="facts">
          <dt>State</dt>
          <dd data-testid="model-state">
            {!model
              ? 'loading…'
              : model.personal.active || model.reranker.personal
                ? 'personalized on this device'
                : 'pretrained only (not yet personalized)'}
          </dd>
          <dt>Last training</dt>
          <dd data-testid="last-training">
            {lastRun === undefined
              ? '…'
              : lastRun
                ? lastRunWords(lastRun, formatTime(lastRun.startedAt))
                : 'not yet: it trains after you have browsed a little'}
          </dd>
          <dt>Runs</dt>
          <dd>{whereItRuns(state.backend)}</dd>
          {model && (
            <>
              <dt>Trained on your device</dt>
              <dd>
                {model.reranker.active
                  ? `a copy of the shop's ${model.reranker.params.toLocaleString('en')}-parameter re-ranker, fine-tuned on what you were shown and opened, and `
                  : ''}
                {model.personal.trainableParams.toLocaleString('en')} adapter parameters (used once your
                history outgrows what the model reads); the shared model ({model.params.toLocaleString('en')}{' '}
                parameters) is never changed.
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Every stored event</h2>
        <label>
          Show{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as EventKind | '');
              setPage(0);
            }}
          >
            <option value="">all kinds</option>
            {EVENT_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <div className="table-scroll">
          <table className="events" data-testid="events-table">
            <caption className="visually-hidden">Stored events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Detail</th>
                <th scope="col">Session</th>
              </tr>
            </thead>
            <tbody>
              {filtered.slice(page * PAGE, (page + 1) * PAGE).map((e) => (
                <tr key={e.id}>
                  <td>{formatTime(e.ts)}</td>
                  <td>{e.kind.replace(/_/g, ' ')}</td>
                  <td>{describeEvent(e, title)}</td>
                  <td>
                    <code>{e.sessionId.slice(0, 10)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav className="pager" aria-label="Event pages">
            <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span>
              Page {page + 1} of {pages}
            </span>
            <button
              type="button"
              className="button"
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
            >
              Older
            </button>
          </nav>
        )}
      </section>
    </div>
  );
}
