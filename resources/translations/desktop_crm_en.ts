<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
