<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuctionsPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/auctions_page.py" line="152" />
        <source>%n auction(s).</source>
        <translation>
            <numerusform>%n auction.</numerusform>
            <numerusform>%n auctions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BidsPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="717" />
        <source>%n bid(s).</source>
        <translation>
            <numerusform>%n bid.</numerusform>
            <numerusform>%n bids.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="787" />
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="1145" />
        <source>Your offer will be withdrawn with the next sync (%n withdrawal(s) left after this one).</source>
        <translation>
            <numerusform>Your offer will be withdrawn with the next sync (%n withdrawal left after this one).</numerusform>
            <numerusform>Your offer will be withdrawn with the next sync (%n withdrawals left after this one).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CartDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/cart_dialog.py" line="184" />
        <source>%n order(s), one per seller, will go to your office's approving officer; the marketplace checks each line again. Sellers' names are shown only after the purchase.</source>
        <translation>
            <numerusform>%n order, one per seller, will go to your office's approving officer; the marketplace checks each line again. Sellers' names are shown only after the purchase.</numerusform>
            <numerusform>%n orders, one per seller, will go to your office's approving officer; the marketplace checks each line again. Sellers' names are shown only after the purchase.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueBrowser</name>
    <message numerus="yes">
        <location filename="../../app/ui/catalogue.py" line="288" />
        <source>%Ln listing(s)</source>
        <translation>
            <numerusform>%Ln listing</numerusform>
            <numerusform>%Ln listings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyCatalogue</name>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="169" />
        <source>%n listing(s) shown</source>
        <translation>
            <numerusform>%n listing shown</numerusform>
            <numerusform>%n listings shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="170" />
        <source>%n with changes not yet accepted by the marketplace.</source>
        <translation>
            <numerusform>%n with changes not yet accepted by the marketplace.</numerusform>
            <numerusform>%n with changes not yet accepted by the marketplace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="220" />
        <source>%n order(s).</source>
        <translation>
            <numerusform>%n order.</numerusform>
            <numerusform>%n orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="231" />
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="279" />
        <source>due %n day(s) after the CRAC</source>
        <translation>
            <numerusform>due %n day after the CRAC</numerusform>
            <numerusform>due %n days after the CRAC</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/self_test.py" line="101" />
        <location filename="../../app/ui/status_bar.py" line="130" />
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status_bar.py" line="133" />
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n needs your attention</numerusform>
            <numerusform>%n need your attention</numerusform>
        </translation>
    </message>
</context>
</TS>