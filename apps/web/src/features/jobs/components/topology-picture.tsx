import { useId } from 'react';
import type { Topology, TopologyMachine } from '../topology.ts';

const BOX_W = 250;
const BOX_H = 132;
const GAP = 170;
const PAD = 12;
const TEST_Y = BOX_H + 70;

const identityFill = { source: '#e5f4ea', target: '#e6eef7', own: '#eceff3' } as const;
const identityStroke = { source: '#1d6b3a', target: '#1f4e79', own: '#4d5a6b' } as const;
const identityText = { source: 'Source identity', target: 'Target identity', own: 'Own identity' } as const;

/**
 * The job's machines as boxes, the identities each holds as labelled chips, and arrows where data
 * flows. Text says everything the colours say; the whole picture has a one-sentence description.
 */
export function TopologyPicture({ topology, title }: { topology: Topology; title: string }) {
  const id = useId();
  const [left, right, test] = topology.machines;
  const height = (test ? TEST_Y + BOX_H : BOX_H) + PAD * 2;
  const width = BOX_W * 2 + GAP + PAD * 2;
  const position = new Map<string, { x: number; y: number }>();
  if (left) position.set(left.serverId, { x: PAD, y: PAD });
  if (right) position.set(right.serverId, { x: PAD + BOX_W + GAP, y: PAD });
  if (test) position.set(test.serverId, { x: PAD + BOX_W + GAP, y: PAD + TEST_Y });

  return (
    <figure className="topology">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="topology-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{topology.summary}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#1f4e79" />
          </marker>
        </defs>
        {topology.flows.map((flow) => {
          const from = position.get(flow.fromId);
          const to = position.get(flow.toId);
          if (!from || !to) return null;
          const isHorizontal = from.y === to.y;
          const x1 = isHorizontal ? (from.x < to.x ? from.x + BOX_W : from.x) : from.x + BOX_W / 2;
          const x2 = isHorizontal ? (from.x < to.x ? to.x : to.x + BOX_W) : to.x + BOX_W / 2;
          const y1 = isHorizontal ? from.y + BOX_H / 2 : from.y + BOX_H;
          const y2 = isHorizontal ? to.y + BOX_H / 2 : to.y;
          return (
            <g key={`${flow.fromId}-${flow.toId}`} aria-hidden="true">
              <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="#1f4e79" strokeWidth="3" strokeDasharray={flow.isActive ? undefined : '6 5'} markerEnd={`url(#${id}-arrow)`} />
              <text x={(x1 + x2) / 2 + (isHorizontal ? 0 : 8)} y={(y1 + y2) / 2 - 10} textAnchor={isHorizontal ? 'middle' : 'start'} className="topology-flow-label">
                {flow.label}
              </text>
            </g>
          );
        })}
        {topology.flows.length === 0 && left && right ? (
          <g aria-hidden="true">
            <line x1={PAD + BOX_W} y1={PAD + BOX_H / 2} x2={PAD + BOX_W + GAP} y2={PAD + BOX_H / 2} stroke="#8a96a6" strokeWidth="2" strokeDasharray="4 6" />
            <text x={PAD + BOX_W + GAP / 2} y={PAD + BOX_H / 2 - 10} textAnchor="middle" className="topology-flow-label topology-muted">
              No replication
            </text>
          </g>
        ) : null}
        {topology.machines.map((machine) => {
          const at = position.get(machine.serverId);
          return at ? <MachineBox key={machine.serverId} machine={machine} x={at.x} y={at.y} /> : null;
        })}
      </svg>
      <figcaption className="visually-hidden">{topology.summary}</figcaption>
    </figure>
  );
}

function MachineBox({ machine, x, y }: { machine: TopologyMachine; x: number; y: number }) {
  return (
    <g aria-hidden="true">
      <rect x={x} y={y} width={BOX_W} height={BOX_H} rx="8" fill="#ffffff" stroke={machine.identities.length === 0 ? '#8a96a6' : '#1b2330'} strokeDasharray={machine.identities.length === 0 ? '5 4' : undefined} strokeWidth="1.5" />
      <text x={x + 12} y={y + 22} className="topology-role">
        {machine.role}
      </text>
      <text x={x + 12} y={y + 42} className="topology-name">
        {machine.name}
      </text>
      <text x={x + 12} y={y + 58} className="topology-address">
        {machine.address}
      </text>
      {machine.identities.map((identity, index) => (
        <g key={identity.kind}>
          <rect x={x + 12} y={y + 68 + index * 28} width={BOX_W - 24} height="22" rx="11" fill={identityFill[identity.kind]} stroke={identityStroke[identity.kind]} />
          <text x={x + 24} y={y + 83 + index * 28} className="topology-identity" fill={identityStroke[identity.kind]}>
            {identityText[identity.kind]}: {identity.name}
          </text>
        </g>
      ))}
      {machine.note ? (
        <text x={x + 12} y={y + 84 + machine.identities.length * 28} className="topology-note">
          {machine.note.length > 38 ? (
            <>
              <tspan x={x + 12}>{machine.note.slice(0, machine.note.lastIndexOf(' ', 38))}</tspan>
              <tspan x={x + 12} dy="15">
                {machine.note.slice(machine.note.lastIndexOf(' ', 38) + 1)}
              </tspan>
            </>
          ) : (
            machine.note
          )}
        </text>
      ) : null}
    </g>
  );
}
