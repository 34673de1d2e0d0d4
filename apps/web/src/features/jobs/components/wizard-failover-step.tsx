import { CheckboxField } from '../../../components/form-field.tsx';
import { ListField } from '../../../components/list-field.tsx';
import { monitoringWindowText } from '../job-form-values.ts';
import { AdapterSelect } from './adapter-select.tsx';
import type { Wizard } from './use-wizard.ts';
import { WizardNumberField } from './wizard-number-field.tsx';

/** Step 4: waiting for the user, the failover condition, the services it stops and what the target takes over. */
export function WizardFailoverStep({ wizard }: { wizard: Wizard }) {
  const { values, set, errors, isEditable, source } = wizard;
  return (
    <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
      <legend className="visually-hidden">Failover options</legend>
      <CheckboxField
        label="Wait for user before failover"
        checked={values.waitForUser}
        onCheckedChange={(v) => set('waitForUser', v)}
        hint="When the failover condition is met, notify every console and wait for an operator to fail over. Off: fail over automatically."
      />
      <CheckboxField label="Monitor the source for a failover condition" checked={values.isMonitoringEnabled} onCheckedChange={(v) => set('isMonitoringEnabled', v)} />
      {values.isMonitoringEnabled ? (
        <div className="inline-fields">
          <WizardNumberField wizard={wizard} field="missedHeartbeats" label="Missed heartbeats" errorPath="options.monitoring.missedHeartbeats" />
          <WizardNumberField wizard={wizard} field="heartbeatIntervalSeconds" label="Heartbeat interval (seconds)" errorPath="options.monitoring.heartbeatIntervalSeconds" />
          <p className="field-hint inline-fields-note" aria-live="polite">
            Monitoring window: {monitoringWindowText(values)}
          </p>
        </div>
      ) : null}
      <ListField
        legend="Services"
        hint="Services on the source that failover stops, unless “Leave source services running” is chosen in the Failover dialog."
        items={values.services}
        onItemsChange={(items) => set('services', items)}
        itemLabel={(i) => `Service ${i + 1}`}
        removeLabel={(i) => `Remove service ${i + 1}`}
        addLabel="Add service"
        emptyText="No services named."
        error={errors['options.services']}
      />
      {values.type === 'full-server' ? (
        <>
          <CheckboxField
            label="Reverse protection"
            checked={values.hasReverseProtection}
            onCheckedChange={(v) => set('hasReverseProtection', v)}
            hint="After a live failover, Reverse gives the original source machine the target identity and protects the other way. Without it, a live failover loses the activated target license and going back is manual."
          />
          <FieldErrorLine message={errors['options.hasReverseProtection']} />
          <AdapterSelect
            label="Production network adapter of the source"
            adapters={source?.networkAdapters ?? []}
            value={values.productionAdapter}
            onValueChange={(v) => set('productionAdapter', v)}
            error={errors['options.productionAdapter']}
            hint="It must be online for Reverse."
          />
        </>
      ) : (
        <>
          <ListField
            legend="Failover addresses"
            hint="Source IP addresses the target takes over at failover."
            items={values.failoverAddresses}
            onItemsChange={(items) => set('failoverAddresses', items)}
            itemLabel={(i) => `Failover address ${i + 1}`}
            removeLabel={(i) => `Remove failover address ${i + 1}`}
            addLabel="Add failover address"
            emptyText="No failover addresses."
            error={errors['options.failoverAddresses']}
          />
          <ListField
            legend="Shares"
            hint="Shares created on the target at failover, as name=/path. A restore does not create them on the source."
            items={values.shares}
            onItemsChange={(items) => set('shares', items)}
            itemLabel={(i) => `Share ${i + 1} (name=/path)`}
            removeLabel={(i) => `Remove share ${i + 1}`}
            addLabel="Add share"
            emptyText="No shares."
            placeholder="public=/srv/data/public"
            error={errors['options.shares']}
            itemErrors={Object.fromEntries(values.shares.map((_, i) => [i, errors[`options.shares.${i}.name`] ?? errors[`options.shares.${i}.path`]]))}
          />
        </>
      )}
    </fieldset>
  );
}

/** An error of a field that has no error slot of its own (a checkbox). */
function FieldErrorLine({ message }: { message?: string }) {
  return message ? (
    <p className="field-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : null;
}
