<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>OverviewWidget</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/overview.py" line="97"/>
        <source>%n customer(s) in your view</source>
        <translation>
            <numerusform>%n customer in your view</numerusform>
            <numerusform>%n customers in your view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/overview.py" line="104"/>
        <source>chain intact: %n event(s), head %1</source>
        <translation>
            <numerusform>chain intact: %n event, head %1</numerusform>
            <numerusform>chain intact: %n events, head %1</numerusform>
        </translation>
    </message>
</context>
</TS>
