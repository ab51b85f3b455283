import { type DeliveryQuarantine, QUARANTINE_POLICY, type QuarantinedDelivery } from '#domain/inbox/ports.ts';

/** The in-memory twin of DynamoDeliveryQuarantine: a ring of `perOrg` slots per org, expiring after `days`. */
export class InMemoryDeliveryQuarantine implements DeliveryQuarantine {
  readonly #delivered = new Map<string, number>();
  readonly #slots = new Map<string, Map<number, { sequence: number; delivery: QuarantinedDelivery }>>();

  async keep(delivery: QuarantinedDelivery): Promise<void> {
    const sequence = (this.#delivered.get(delivery.orgId) ?? 0) + 1;
    this.#delivered.set(delivery.orgId, sequence);
    const slots = this.#slots.get(delivery.orgId) ?? new Map();
    slots.set((sequence - 1) % QUARANTINE_POLICY.perOrg, { sequence, delivery: { ...delivery } });
    this.#slots.set(delivery.orgId, slots);
  }

  async list(orgId: string, now: Date): Promise<QuarantinedDelivery[]> {
    const lifetime = QUARANTINE_POLICY.days * 86_400_000;
    return [...(this.#slots.get(orgId)?.values() ?? [])]
      .filter(({ delivery }) => Date.parse(delivery.receivedAt) + lifetime > now.getTime())
      .sort((a, b) => b.sequence - a.sequence)
      .map(({ delivery }) => ({ ...delivery }));
  }
}
