<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n event(s), chain head %1</source>
      <translation>
        <numerusform>%n event, chain head %1</numerusform>
        <numerusform>%n events, chain head %1</numerusform>
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
