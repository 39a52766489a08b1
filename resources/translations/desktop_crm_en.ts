<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>AlertWatcher</name>
    <message numerus="yes">
      <source>%n new alert(s) for an administrator to look at.</source>
      <translation>
        <numerusform>%n new alert for an administrator to look at.</numerusform>
        <numerusform>%n new alerts for an administrator to look at.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AlertsPage</name>
    <message numerus="yes">
      <source>%n alert(s)</source>
      <translation>
        <numerusform>%n alert</numerusform>
        <numerusform>%n alerts</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message numerus="yes">
      <source>%n event(s) found so far; searching older events (before #%1)…</source>
      <translation>
        <numerusform>%n event found so far; searching older events (before #%1)…</numerusform>
        <numerusform>%n events found so far; searching older events (before #%1)…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) shown; scroll for older ones.</source>
      <translation>
        <numerusform>%n event shown; scroll for older ones.</numerusform>
        <numerusform>%n events shown; scroll for older ones.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s).</source>
      <translation>
        <numerusform>%n event.</numerusform>
        <numerusform>%n events.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The audit chain is intact: %n event(s). Head hash %1.</source>
      <translation>
        <numerusform>The audit chain is intact: %n event. Head hash %1.</numerusform>
        <numerusform>The audit chain is intact: %n events. Head hash %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The audit chain is broken at event #%1: the log was changed there. %n event(s) before it are intact.</source>
      <translation>
        <numerusform>The audit chain is broken at event #%1: the log was changed there. %n event before it are intact.</numerusform>
        <numerusform>The audit chain is broken at event #%1: the log was changed there. %n events before it are intact.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n event(s) to %1.</source>
      <translation>
        <numerusform>Exported %n event to %1.</numerusform>
        <numerusform>Exported %n events to %1.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CallsPage</name>
    <message numerus="yes">
      <source>%Ln call(s)</source>
      <translation>
        <numerusform>%Ln call</numerusform>
        <numerusform>%Ln calls</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConfirmPage</name>
    <message numerus="yes">
      <source>• %n customer(s) change owner:</source>
      <translation>
        <numerusform>• %n customer change owner:</numerusform>
        <numerusform>• %n customers change owner:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>• %n direct report(s) will report to %1.</source>
      <translation>
        <numerusform>• %n direct report will report to %1.</numerusform>
        <numerusform>• %n direct reports will report to %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>• %n collaborator grant(s) end.</source>
      <translation>
        <numerusform>• %n collaborator grant end.</numerusform>
        <numerusform>• %n collaborator grants end.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CustomersPage</name>
    <message numerus="yes">
      <source>%Ln match(es)</source>
      <translation>
        <numerusform>%Ln match</numerusform>
        <numerusform>%Ln matches</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln customer(s)</source>
      <translation>
        <numerusform>%Ln customer</numerusform>
        <numerusform>%Ln customers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeparturesPage</name>
    <message numerus="yes">
      <source>%n customer(s) of %1 reassigned.</source>
      <translation>
        <numerusform>%n customer of %1 reassigned.</numerusform>
        <numerusform>%n customers of %1 reassigned.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DueBanner</name>
    <message numerus="yes">
      <source>%n reminder(s) due</source>
      <translation>
        <numerusform>%n reminder due</numerusform>
        <numerusform>%n reminders due</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DueWatcher</name>
    <message numerus="yes">
      <source>You have %n overdue reminder(s).</source>
      <translation>
        <numerusform>You have %n overdue reminder.</numerusform>
        <numerusform>You have %n overdue reminders.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>and %n more</source>
      <translation>
        <numerusform>and %n more</numerusform>
        <numerusform>and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n reminder(s) due</source>
      <translation>
        <numerusform>%n reminder due</numerusform>
        <numerusform>%n reminders due</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HubPage</name>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n overdue</numerusform>
        <numerusform>%n overdue</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n due today</source>
      <translation>
        <numerusform>%n due today</numerusform>
        <numerusform>%n due today</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HubSection</name>
    <message numerus="yes">
      <source>Show %n more</source>
      <translation>
        <numerusform>Show %n more</numerusform>
        <numerusform>Show %n more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n unacknowledged alert(s)</source>
      <translation>
        <numerusform>%n unacknowledged alert</numerusform>
        <numerusform>%n unacknowledged alerts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s), chain head %1</source>
      <translation>
        <numerusform>%n event, chain head %1</numerusform>
        <numerusform>%n events, chain head %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReceiverChooser</name>
    <message numerus="yes">
      <source>%n customer(s) in all.</source>
      <translation>
        <numerusform>%n customer in all.</numerusform>
        <numerusform>%n customers in all.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RoleEditor</name>
    <message numerus="yes">
      <source>Would see %n customer(s)</source>
      <translation>
        <numerusform>Would see %n customer</numerusform>
        <numerusform>Would see %n customers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RolesPage</name>
    <message numerus="yes">
      <source>%1 · %n people</source>
      <translation>
        <numerusform>%1 · %n people</numerusform>
        <numerusform>%1 · %n people</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RunPage</name>
    <message numerus="yes">
      <source>Ending %1's access, handing over %n customer(s) and rotating the vault's data key… On a large vault this takes a few seconds.</source>
      <translation>
        <numerusform>Ending %1's access, handing over %n customer and rotating the vault's data key… On a large vault this takes a few seconds.</numerusform>
        <numerusform>Ending %1's access, handing over %n customers and rotating the vault's data key… On a large vault this takes a few seconds.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TimelineWidget</name>
    <message numerus="yes">
      <source>%n open complaint(s)</source>
      <translation>
        <numerusform>%n open complaint</numerusform>
        <numerusform>%n open complaints</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) since last contact</source>
      <translation>
        <numerusform>%n day since last contact</numerusform>
        <numerusform>%n days since last contact</numerusform>
      </translation>
    </message>
  </context>
</TS>
