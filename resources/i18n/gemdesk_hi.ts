<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="87"/>
        <source>About GeM Desk</source>
        <translation>GeM Desk के बारे में</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="88"/>
        <source>GeM Desk</source>
        <translation>GeM Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="89"/>
        <source>Version %1 (build %2)</source>
        <translation>संस्करण %1 (बिल्ड %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="90"/>
        <source>Copy diagnostics</source>
        <translation>जाँच की जानकारी कॉपी करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="91"/>
        <source>The diagnostics are on the clipboard: paste them into your message to support. They hold no password.</source>
        <translation>जाँच की जानकारी क्लिपबोर्ड पर है: इसे सहायता टीम को भेजे जाने वाले संदेश में चिपकाएँ। इसमें कोई पासवर्ड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="102"/>
        <source>Server: not set yet.</source>
        <translation>सर्वर: अभी तय नहीं किया गया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="105"/>
        <source>checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="107"/>
        <source>the marketplace answers</source>
        <translation>मार्केटप्लेस उत्तर दे रहा है</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="109"/>
        <source>the marketplace cannot be reached</source>
        <translation>मार्केटप्लेस तक नहीं पहुँचा जा सकता</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="110"/>
        <source>Server: %1 (%2)</source>
        <translation>सर्वर: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="114"/>
        <source>A newer version of GeM Desk, %1, is available. Your IT department installs it; there is nothing for you to do.</source>
        <translation>GeM Desk का नया संस्करण, %1, उपलब्ध है। इसे आपका आईटी विभाग इंस्टॉल करता है; आपको कुछ नहीं करना है।</translation>
    </message>
</context>
<context>
    <name>AuctionStatus</name>
    <message>
        <location filename="../../app/ui/auction_window.py" line="41"/>
        <source>Upcoming</source>
        <translation>आगामी</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="41"/>
        <source>Live</source>
        <translation>चालू</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="42"/>
        <source>Ended, closing</source>
        <translation>समाप्त, बंद हो रही है</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="43"/>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
</context>
<context>
    <name>AuctionView</name>
    <message>
        <location filename="../../app/ui/auction_window.py" line="280"/>
        <source>Bid…</source>
        <translation>बोली लगाएँ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="281"/>
        <source>Go to the award</source>
        <translation>अधिनिर्णय पर जाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="282"/>
        <source>My price for the whole bid (Rs):</source>
        <translation>पूरी बिड के लिए मेरा मूल्य (Rs):</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="283"/>
        <source>My accepted bids</source>
        <translation>मेरी स्वीकृत बोलियाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="283"/>
        <source>Accepted bids</source>
        <translation>स्वीकृत बोलियाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="284"/>
        <source>Live ranking (bidders are anonymous until the close)</source>
        <translation>लाइव क्रम-सूची (नीलामी बंद होने तक बोलीदाताओं की पहचान गुप्त रहती है)</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="287"/>
        <source>Offline: bidding needs a connection. Bids are never kept to send later.</source>
        <translation>ऑफ़लाइन: बोली लगाने के लिए कनेक्शन आवश्यक है। बोलियाँ बाद में भेजने के लिए कभी नहीं रखी जातीं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="357"/>
        <source>The auction cannot be read now: %1</source>
        <translation>नीलामी अभी पढ़ी नहीं जा सकती: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="372"/>
        <source>The auction was extended to %1.</source>
        <translation>नीलामी %1 तक बढ़ाई गई।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="375"/>
        <source>Auction %1 extended</source>
        <translation>नीलामी %1 बढ़ाई गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="377"/>
        <source>You were outbid: your rank is now L%1.</source>
        <translation>किसी ने आपसे कम बोली लगाई: अब आपका क्रम L%1 है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="378"/>
        <source>Auction %1</source>
        <translation>नीलामी %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="380"/>
        <source>The auction has closed.</source>
        <translation>नीलामी बंद हो गई है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="383"/>
        <source>Auction %1 closed</source>
        <translation>नीलामी %1 बंद हुई</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="402"/>
        <source>Choose an auction.</source>
        <translation>कोई नीलामी चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="407"/>
        <source>Reverse auction %1 — %2</source>
        <translation>रिवर्स नीलामी %1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="410"/>
        <source>extended %1 of %2 times</source>
        <translation>%2 में से %1 बार बढ़ाई गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="412"/>
        <source>Starts %1 · ends %2 (%3) · %4 bidders</source>
        <translation>आरंभ %1 · समाप्ति %2 (%3) · %4 बोलीदाता</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="416"/>
        <source>Start price %1 · minimum decrement %2 · extension of %3 min for a bid in the last %4 min</source>
        <translation>प्रारंभिक मूल्य %1 · न्यूनतम कटौती %2 · अंतिम %4 मिनट में बोली लगने पर %3 मिनट का विस्तार</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="439"/>
        <source>starts in %1</source>
        <translation>%1 में शुरू</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="444"/>
        <source>%1 left</source>
        <translation>%1 शेष</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="450"/>
        <source>You did not qualify for this auction.</source>
        <translation>आप इस नीलामी के लिए पात्र नहीं हुए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="453"/>
        <source>My rank: L%1</source>
        <translation>मेरा क्रम: L%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="453"/>
        <source>No bid from me yet.</source>
        <translation>मैंने अभी तक कोई बोली नहीं लगाई है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="456"/>
        <source>Current L1: %1</source>
        <translation>वर्तमान L1: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="456"/>
        <source>No L1 yet.</source>
        <translation>अभी तक कोई L1 नहीं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="458"/>
        <source>(you bid as %1)</source>
        <translation>(आप %1 के रूप में बोली लगा रहे हैं)</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="463"/>
        <source>The highest price the auction accepts from you now: %1.</source>
        <translation>नीलामी अभी आपसे अधिकतम यह मूल्य स्वीकार करेगी: %1।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="469"/>
        <source>To take L1: %1 or less.</source>
        <translation>L1 बनने के लिए: %1 या उससे कम।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="479"/>
        <source>Current L1: %1 by %2</source>
        <translation>वर्तमान L1: %1, %2 द्वारा</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="480"/>
        <source>No bid yet.</source>
        <translation>अभी तक कोई बोली नहीं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="483"/>
        <source>start price</source>
        <translation>आरंभिक मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="483"/>
        <source>estimated value</source>
        <translation>अनुमानित मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="484"/>
        <source>median past price</source>
        <translation>पिछले मूल्यों की माध्यिका</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="485"/>
        <source>%1 against the %2</source>
        <translation>%2 की तुलना में %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="489"/>
        <source>Closed. L1: %1 by %2. Saved: %3. The bid has been evaluated again at the auction&apos;s prices, with the purchase preferences: award it from the bid.</source>
        <translation>बंद। L1: %1, %2 द्वारा। बचत: %3। बोली का मूल्यांकन नीलामी के मूल्यों पर, क्रय वरीयताओं सहित, फिर से किया गया है: अधिनिर्णय बोली से करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="502"/>
        <source>the bid stage&apos;s L1 (nobody bid)</source>
        <translation>बोली चरण का L1 (किसी ने बोली नहीं लगाई)</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="523"/>
        <source>Enter your price in rupees, for example 13,99,000.</source>
        <translation>अपना मूल्य रुपयों में लिखें, उदाहरण के लिए 13,99,000।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="525"/>
        <source>Bid %1 for the whole bid in auction %2? An accepted bid cannot be withdrawn.</source>
        <translation>नीलामी %2 में पूरी बिड के लिए %1 की बोली लगाएँ? स्वीकृत बोली वापस नहीं ली जा सकती।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="527"/>
        <source>Confirm the bid</source>
        <translation>बोली की पुष्टि करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="536"/>
        <source>Sending %1…</source>
        <translation>%1 भेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="549"/>
        <source>Accepted: %1 at %2 (bid no. %3).</source>
        <translation>स्वीकृत: %1, %2 पर (बोली सं. %3)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="563"/>
        <source>Not sent: the marketplace cannot be reached. Nothing was kept to send later.</source>
        <translation>नहीं भेजी गई: मार्केटप्लेस से संपर्क नहीं हो पा रहा है। बाद में भेजने के लिए कुछ भी नहीं रखा गया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="567"/>
        <source>Not accepted: %1</source>
        <translation>स्वीकार नहीं: %1</translation>
    </message>
</context>
<context>
    <name>AuctionsModel</name>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="36"/>
        <source>Auction</source>
        <translation>नीलामी</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="36"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="36"/>
        <source>Ends</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="37"/>
        <source>Time left</source>
        <translation>शेष समय</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="58"/>
        <source>starts in %1</source>
        <translation>%1 में शुरू</translation>
    </message>
</context>
<context>
    <name>AuctionsPage</name>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="118"/>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="131"/>
        <source>Loading the auctions…</source>
        <translation>नीलामियाँ लोड हो रही हैं…</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="148"/>
        <source>Offline: auctions need a connection.</source>
        <translation>ऑफ़लाइन: नीलामियों के लिए कनेक्शन आवश्यक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auctions_page.py" line="149"/>
        <source>The auctions cannot be read now: %1</source>
        <translation>नीलामियाँ अभी पढ़ी नहीं जा सकतीं: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/auctions_page.py" line="152"/>
        <source>%n auction(s).</source>
        <translation>
            <numerusform>%n नीलामी।</numerusform>
            <numerusform>%n नीलामियाँ।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BidForm</name>
    <message>
        <location filename="../../app/ui/bid_form.py" line="371"/>
        <source>New bid</source>
        <translation>नई बिड</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="371"/>
        <source>Edit bid</source>
        <translation>बिड बदलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="373"/>
        <source>The bid</source>
        <translation>बिड</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="373"/>
        <source>Value, dates and offers</source>
        <translation>मूल्य, तिथियाँ और ऑफ़र</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="373"/>
        <source>Security money</source>
        <translation>प्रतिभूति राशि</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="374"/>
        <source>Purchase preferences</source>
        <translation>खरीद वरीयताएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="374"/>
        <source>Reverse auction</source>
        <translation>रिवर्स नीलामी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="374"/>
        <source>Items</source>
        <translation>वस्तुएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="379"/>
        <source>Bid title</source>
        <translation>बिड का शीर्षक</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="379"/>
        <source>Type of bid</source>
        <translation>बिड का प्रकार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="379"/>
        <source>Evaluation</source>
        <translation>मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="380"/>
        <source>Packets</source>
        <translation>पैकेट</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="381"/>
        <source>The quantity may be split between sellers (for the purchase preferences)</source>
        <translation>मात्रा विक्रेताओं में बाँटी जा सकती है (खरीद वरीयताओं के लिए)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="382"/>
        <source>Estimated value (Rs)</source>
        <translation>अनुमानित मूल्य (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="382"/>
        <source>Bid ends (IST)</source>
        <translation>बिड समाप्ति (IST)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="383"/>
        <source>Offers valid for (days)</source>
        <translation>ऑफ़र की वैधता (दिन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="383"/>
        <source>Minimum number of offers</source>
        <translation>ऑफ़रों की न्यूनतम संख्या</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="384"/>
        <source>Automatic extension (days)</source>
        <translation>स्वचालित विस्तार (दिन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="384"/>
        <source>EMD (earnest money)</source>
        <translation>ईएमडी (बयाना राशि)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="385"/>
        <source>Payment due after the CRAC (days)</source>
        <translation>सीआरएसी के बाद भुगतान की अवधि (दिन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="386"/>
        <source>EMD amount (Rs)</source>
        <translation>ईएमडी राशि (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="387"/>
        <source>MSEs and startups are exempt from the EMD</source>
        <translation>एमएसई और स्टार्टअप को ईएमडी से छूट है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="388"/>
        <source>ePBG (% of the order value)</source>
        <translation>ई-पीबीजी (ऑर्डर मूल्य का %)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="389"/>
        <source>Purchase preference for MSEs (micro and small enterprises)</source>
        <translation>एमएसई (सूक्ष्म और लघु उद्यम) के लिए खरीद वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="390"/>
        <source>MSE band above L1 (%)</source>
        <translation>L1 से ऊपर एमएसई बैंड (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="391"/>
        <source>Share an MSE may match (%)</source>
        <translation>एमएसई द्वारा मिलान योग्य हिस्सा (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="392"/>
        <source>Purchase preference for Make in India (Class-I local suppliers)</source>
        <translation>मेक इन इंडिया (श्रेणी-I स्थानीय आपूर्तिकर्ता) के लिए खरीद वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="393"/>
        <source>Margin of preference (%)</source>
        <translation>वरीयता का मार्जिन (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="394"/>
        <source>Share kept by L1 (%)</source>
        <translation>L1 का हिस्सा (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="395"/>
        <source>The bid may go to a reverse auction</source>
        <translation>बिड रिवर्स नीलामी में जा सकती है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="395"/>
        <source>Who enters the auction</source>
        <translation>नीलामी में कौन भाग लेगा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="405"/>
        <source>Goods</source>
        <translation>माल</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="405"/>
        <source>Services</source>
        <translation>सेवाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="406"/>
        <source>Total value of all items</source>
        <translation>सभी वस्तुओं का कुल मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="406"/>
        <source>Item-wise</source>
        <translation>वस्तु-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="406"/>
        <source>Group-wise</source>
        <translation>समूह-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="407"/>
        <source>Single packet</source>
        <translation>एकल पैकेट</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="407"/>
        <source>Two packets (technical, then financial)</source>
        <translation>दो पैकेट (पहले तकनीकी, फिर वित्तीय)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="408"/>
        <source>No EMD</source>
        <translation>ईएमडी नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="408"/>
        <source>An amount</source>
        <translation>एक राशि</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="408"/>
        <source>Bid security declaration instead</source>
        <translation>इसके बदले बिड प्रतिभूति घोषणा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="409"/>
        <source>Choose a rule</source>
        <translation>नियम चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="409"/>
        <source>All but the highest-priced offer (H1 elimination)</source>
        <translation>सबसे ऊँचे मूल्य वाले ऑफ़र को छोड़कर सभी (H1 निष्कासन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="410"/>
        <source>The lowest-priced half of the offers (top half)</source>
        <translation>सबसे कम मूल्य वाले आधे ऑफ़र (ऊपरी आधा)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="411"/>
        <source>A reverse auction from the start: every qualified seller bids</source>
        <translation>आरंभ से ही रिवर्स नीलामी: हर योग्य विक्रेता बोली लगाता है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="417"/>
        <source>e.g. Hospital beds for the District Hospital, Raipur</source>
        <translation>जैसे ज़िला अस्पताल, रायपुर के लिए अस्पताल बिस्तर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="418"/>
        <source>e.g. 4,50,000</source>
        <translation>जैसे 4,50,000</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="419"/>
        <source>With fewer offers at its end, the bid is extended once.</source>
        <translation>समाप्ति पर इससे कम ऑफ़र हों तो बिड एक बार बढ़ाई जाती है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="420"/>
        <source>Add item</source>
        <translation>वस्तु जोड़ें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="421"/>
        <source>Save draft</source>
        <translation>ड्राफ़्ट सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="440"/>
        <source>Enter an amount in rupees, like 4,50,000 or 450000.50.</source>
        <translation>राशि रुपयों में लिखें, जैसे 4,50,000 या 450000.50।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="447"/>
        <source>Enter a percentage from 0 to 100, like 15 or 2.5.</source>
        <translation>0 से 100 तक का प्रतिशत लिखें, जैसे 15 या 2.5।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="456"/>
        <source>Enter the estimated value in rupees.</source>
        <translation>अनुमानित मूल्य रुपयों में लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="466"/>
        <source>Enter the EMD amount in rupees.</source>
        <translation>ईएमडी राशि रुपयों में लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="546"/>
        <source>The estimated value is below %1: such a purchase is exempt from the Make in India Order (%2), so its margin of preference will not be applied in the evaluation.</source>
        <translation>अनुमानित मूल्य %1 से कम है: ऐसी खरीद मेक इन इंडिया आदेश (%2) से मुक्त है, इसलिए मूल्यांकन में इसका वरीयता मार्जिन लागू नहीं होगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="584"/>
        <source>Type the estimated value to see which ways of buying the rules allow.</source>
        <translation>अनुमानित मूल्य लिखें, तो दिखेगा कि नियम खरीद के कौन-से तरीके अनुमति देते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="592"/>
        <source>Ways of buying for %1 on %2 (%3):</source>
        <translation>%2 को %1 की खरीद के तरीके (%3):</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="596"/>
        <source>Direct purchase</source>
        <translation>सीधी खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="596"/>
        <source>L1 purchase</source>
        <translation>L1 खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="597"/>
        <source>Bid or reverse auction</source>
        <translation>बिड या रिवर्स नीलामी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="602"/>
        <source>not allowed</source>
        <translation>अनुमति नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="604"/>
        <source>required</source>
        <translation>अनिवार्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="606"/>
        <source>allowed</source>
        <translation>अनुमति है</translation>
    </message>
</context>
<context>
    <name>BidItemEditor</name>
    <message>
        <location filename="../../app/ui/bid_form.py" line="747"/>
        <location filename="../../app/ui/bid_form.py" line="837"/>
        <source>Item %1</source>
        <translation>वस्तु %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="790"/>
        <source>Choose a category</source>
        <translation>श्रेणी चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="809"/>
        <location filename="../../app/ui/bid_form.py" line="816"/>
        <source>Any</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="838"/>
        <source>Item name</source>
        <translation>वस्तु का नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="839"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="840"/>
        <source>Group</source>
        <translation>समूह</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="841"/>
        <source>e.g. Hospital bed, semi-Fowler</source>
        <translation>जैसे अस्पताल बिस्तर, सेमी-फाउलर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="842"/>
        <source>e.g. Beds</source>
        <translation>जैसे बिस्तर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="843"/>
        <source>Remove item</source>
        <translation>वस्तु हटाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="844"/>
        <source>Consignees</source>
        <translation>परेषिती</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="845"/>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="845"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="845"/>
        <source>Delivery days</source>
        <translation>डिलीवरी के दिन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="847"/>
        <source>Add consignee</source>
        <translation>परेषिती जोड़ें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="854"/>
        <source>e.g. Raipur</source>
        <translation>जैसे रायपुर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="855"/>
        <source>Remove this consignee</source>
        <translation>यह परेषिती हटाएँ</translation>
    </message>
</context>
<context>
    <name>BidRules</name>
    <message>
        <location filename="../../app/ui/bid_form.py" line="78"/>
        <source>Give the bid a title (up to %1 characters).</source>
        <translation>बिड को शीर्षक दें (अधिकतम %1 अक्षर)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="80"/>
        <source>Name the item (up to %1 characters).</source>
        <translation>वस्तु का नाम लिखें (अधिकतम %1 अक्षर)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="82"/>
        <source>Choose the item&apos;s category (one that holds products).</source>
        <translation>वस्तु की श्रेणी चुनें (ऐसी श्रेणी जिसमें उत्पाद हों)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="84"/>
        <source>Name the consignee&apos;s district.</source>
        <translation>परेषिती का ज़िला लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="86"/>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>%1 से %2 तक की पूर्ण संख्या लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="88"/>
        <source>A bid needs at least one item.</source>
        <translation>बिड में कम से कम एक वस्तु होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="90"/>
        <source>An item needs at least one consignee.</source>
        <translation>हर वस्तु का कम से कम एक परेषिती होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="92"/>
        <source>The estimated value must be above zero.</source>
        <translation>अनुमानित मूल्य शून्य से अधिक होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="95"/>
        <source>The bid must end in the future.</source>
        <translation>बिड की समाप्ति भविष्य में होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="96"/>
        <source>Choose the date and time the bid ends.</source>
        <translation>बिड की समाप्ति की तिथि और समय चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="98"/>
        <source>Offers must stay valid for %1 to %2 days.</source>
        <translation>ऑफ़र %1 से %2 दिन तक वैध रहने चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="100"/>
        <source>The minimum number of offers is from %1 to %2.</source>
        <translation>ऑफ़रों की न्यूनतम संख्या %1 से %2 तक हो सकती है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="102"/>
        <source>The automatic extension is from %1 to %2 days.</source>
        <translation>स्वचालित विस्तार %1 से %2 दिन का होता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="104"/>
        <source>The ePBG is a percentage from %1 to %2.</source>
        <translation>ई-पीबीजी %1 से %2 प्रतिशत तक होता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="107"/>
        <source>Percentages are from 0 to 100.</source>
        <translation>प्रतिशत 0 से 100 तक होते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="109"/>
        <source>Choose which sellers go to the reverse auction.</source>
        <translation>चुनें कि कौन-से विक्रेता रिवर्स नीलामी में जाएँगे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="113"/>
        <source>The EMD must be 2% to 5% of the estimated value: from %1 to %2.</source>
        <translation>ईएमडी अनुमानित मूल्य का 2% से 5% होनी चाहिए: %1 से %2 तक।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="116"/>
        <source>Enter the EMD amount in rupees, above zero.</source>
        <translation>ईएमडी राशि रुपयों में लिखें, शून्य से अधिक।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bid_form.py" line="118"/>
        <source>In a group-wise bid, write a group name on every item (items with the same name form a group).</source>
        <translation>समूह-वार बिड में हर वस्तु पर समूह का नाम लिखें (एक ही नाम वाली वस्तुएँ एक समूह बनाती हैं)।</translation>
    </message>
</context>
<context>
    <name>BidStatus</name>
    <message>
        <location filename="../../app/ui/bids_page.py" line="137"/>
        <source>Waiting to be sent</source>
        <translation>भेजे जाने की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="138"/>
        <source>Draft</source>
        <translation>मसौदा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="139"/>
        <source>Awaiting approval</source>
        <translation>अनुमोदन की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="140"/>
        <source>Returned</source>
        <translation>लौटाई गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="141"/>
        <source>Open for offers</source>
        <translation>प्रस्तावों के लिए खुली</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="142"/>
        <source>Closed, opening soon</source>
        <translation>बंद, जल्द खुलेगी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="143"/>
        <source>Technical evaluation</source>
        <translation>तकनीकी मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="144"/>
        <source>Financial evaluation</source>
        <translation>वित्तीय मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="145"/>
        <source>Awarded</source>
        <translation>अवार्ड की गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="146"/>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="147"/>
        <source>Lapsed: offers no longer valid</source>
        <translation>व्यपगत: प्रस्ताव अब वैध नहीं</translation>
    </message>
</context>
<context>
    <name>BidsModel</name>
    <message>
        <location filename="../../app/ui/bids_page.py" line="63"/>
        <source>Bid number</source>
        <translation>बोली संख्या</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="63"/>
        <source>Title</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="63"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="64"/>
        <source>Estimated value</source>
        <translation>अनुमानित मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="64"/>
        <source>Ends</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="76"/>
        <source>(not published)</source>
        <translation>(प्रकाशित नहीं)</translation>
    </message>
</context>
<context>
    <name>BidsPage</name>
    <message>
        <location filename="../../app/ui/bids_page.py" line="640"/>
        <source>New bid…</source>
        <translation>नई बोली…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="641"/>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="642"/>
        <source>Send for approval</source>
        <translation>अनुमोदन के लिए भेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="642"/>
        <source>Approve and publish…</source>
        <translation>अनुमोदित और प्रकाशित करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="643"/>
        <source>Return…</source>
        <translation>लौटाएँ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="643"/>
        <source>Make or revise my offer…</source>
        <translation>मेरा प्रस्ताव दें या बदलें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="644"/>
        <source>Withdraw my offer…</source>
        <translation>मेरा प्रस्ताव वापस लें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="645"/>
        <source>Match L1…</source>
        <translation>L1 से मिलान करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="645"/>
        <source>Decline the match</source>
        <translation>L1 मिलान से मना करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="646"/>
        <source>Open the prices</source>
        <translation>कीमतें खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="647"/>
        <source>Negotiate with L1…</source>
        <translation>L1 से बातचीत (नेगोशिएशन) करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="647"/>
        <source>Answer the negotiation…</source>
        <translation>बातचीत (नेगोशिएशन) का उत्तर दें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="648"/>
        <source>Reverse auction…</source>
        <translation>रिवर्स नीलामी…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="648"/>
        <source>Follow the auction</source>
        <translation>नीलामी देखें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="649"/>
        <source>Award</source>
        <translation>अवार्ड करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="649"/>
        <source>Export for audit…</source>
        <translation>ऑडिट के लिए निर्यात करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="652"/>
        <source>Bid</source>
        <translation>बोली</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="653"/>
        <source>Timeline</source>
        <translation>समय-रेखा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="654"/>
        <location filename="../../app/ui/bids_page.py" line="973"/>
        <source>Evaluation</source>
        <translation>मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="655"/>
        <location filename="../../app/ui/bids_page.py" line="1023"/>
        <source>Technical evaluation</source>
        <translation>तकनीकी मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="656"/>
        <source>Accept technically</source>
        <translation>तकनीकी रूप से स्वीकार करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="657"/>
        <source>Reject…</source>
        <translation>अस्वीकार करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="658"/>
        <source>&amp;District</source>
        <translation>ज़िला (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="659"/>
        <source>&amp;Value up to (Rs)</source>
        <translation>अधिकतम मूल्य (Rs) (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="660"/>
        <source>Any value</source>
        <translation>कोई भी मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="663"/>
        <location filename="../../app/ui/bids_page.py" line="724"/>
        <source>Any district</source>
        <translation>कोई भी ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="675"/>
        <source>Loading the bids…</source>
        <translation>बोलियाँ लोड हो रही हैं…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="717"/>
        <source>%n bid(s).</source>
        <translation>
            <numerusform>%n बोली।</numerusform>
            <numerusform>%n बोलियाँ।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="743"/>
        <source>Enter an amount in rupees, like 5,00,000; until then every value is shown.</source>
        <translation>राशि रुपयों में लिखें, जैसे 5,00,000; तब तक हर मूल्य की बोलियाँ दिखाई जाएँगी।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="754"/>
        <source>%1 of 1 bid</source>
        <translation>1 बोली में से %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="754"/>
        <source>%1 of %2 bids</source>
        <translation>%2 बोलियों में से %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="769"/>
        <source>Offline: shown as of %1.</source>
        <translation>ऑफ़लाइन: %1 की स्थिति के अनुसार दिखाया गया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="770"/>
        <source>Shown as of %1; asking the marketplace for the latest…</source>
        <translation>%1 की स्थिति के अनुसार दिखाया गया; मार्केटप्लेस से नवीनतम जानकारी ली जा रही है…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="787"/>
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में।</numerusform>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="789"/>
        <source>Not accepted: %1</source>
        <translation>स्वीकार नहीं: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="794"/>
        <source>The bids cannot be read now: %1</source>
        <translation>बोलियाँ अभी पढ़ी नहीं जा सकतीं: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="854"/>
        <source>Offline: the timeline and evaluation of this bid were not kept on this computer; they show once the marketplace can be reached.</source>
        <translation>ऑफ़लाइन: इस बोली की समय-रेखा और मूल्यांकन इस कंप्यूटर पर नहीं रखे गए थे; मार्केटप्लेस से संपर्क होते ही ये दिखाई देंगे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="857"/>
        <source>The details of this bid cannot be read now: %1</source>
        <translation>इस बोली का विवरण अभी पढ़ा नहीं जा सकता: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="875"/>
        <source>no catalogue listing named; as described</source>
        <translation>कैटलॉग की कोई उत्पाद सूची नहीं बताई गई; विवरण के अनुसार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="877"/>
        <source>catalogue listing: %1</source>
        <translation>कैटलॉग उत्पाद सूची: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="879"/>
        <source>catalogue listing %1</source>
        <translation>कैटलॉग उत्पाद सूची %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="885"/>
        <source>%1: offered %2, required %3</source>
        <translation>%1: प्रस्तावित %2, अपेक्षित %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="886"/>
        <source>(not stated)</source>
        <translation>(नहीं बताया गया)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="888"/>
        <source>differs from the requirement</source>
        <translation>आवश्यकता से भिन्न</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="895"/>
        <source>not decided</source>
        <translation>निर्णय बाकी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="895"/>
        <location filename="../../app/ui/bids_page.py" line="1021"/>
        <source>accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="895"/>
        <source>rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="898"/>
        <source>Seller %1 · local content %2% · %3</source>
        <translation>विक्रेता %1 · स्थानीय सामग्री %2% · %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="915"/>
        <source>Reject technically</source>
        <translation>तकनीकी रूप से अस्वीकार करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="957"/>
        <source>Bid number</source>
        <translation>बोली संख्या</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="957"/>
        <source>(not published)</source>
        <translation>(प्रकाशित नहीं)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="958"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="964"/>
        <source>Buyer</source>
        <translation>क्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="965"/>
        <source>Estimated value</source>
        <translation>अनुमानित मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="966"/>
        <source>Ends</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="967"/>
        <source>Opens</source>
        <translation>खुलेगी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="969"/>
        <source>Offers valid for</source>
        <translation>ऑफ़र की वैधता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="969"/>
        <source>%1 days after the end</source>
        <translation>समाप्ति के %1 दिन बाद तक</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="971"/>
        <source>Total value of all items</source>
        <translation>सभी वस्तुओं का कुल मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="971"/>
        <source>Item-wise</source>
        <translation>वस्तु-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="972"/>
        <source>Group-wise</source>
        <translation>समूह-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="975"/>
        <source>Packets</source>
        <translation>पैकेट</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="975"/>
        <source>Two packets (technical, then financial)</source>
        <translation>दो पैकेट (पहले तकनीकी, फिर वित्तीय)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="976"/>
        <source>Single packet</source>
        <translation>एकल पैकेट</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="978"/>
        <source>EMD</source>
        <translation>ईएमडी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="980"/>
        <source>ePBG</source>
        <translation>ई-पीबीजी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="980"/>
        <source>%1% of the order value</source>
        <translation>ऑर्डर मूल्य का %1%</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="981"/>
        <location filename="../../app/ui/bids_page.py" line="988"/>
        <location filename="../../app/ui/bids_page.py" line="992"/>
        <location filename="../../app/ui/bids_page.py" line="1050"/>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="983"/>
        <source>Payment</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="983"/>
        <source>Within %1 days of the CRAC</source>
        <translation>सीआरएसी के %1 दिन के भीतर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="986"/>
        <source>MSEs within %1% of L1 may match it for %2% of the quantity</source>
        <translation>L1 से %1% के भीतर वाले एमएसई, मात्रा के %2% के लिए L1 मूल्य का मिलान कर सकते हैं</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="988"/>
        <source>MSE preference</source>
        <translation>एमएसई वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="990"/>
        <source>Class-I local suppliers within %1% of L1 may match it; L1 keeps %2% of the quantity</source>
        <translation>L1 से %1% के भीतर वाले श्रेणी-I स्थानीय आपूर्तिकर्ता L1 मूल्य का मिलान कर सकते हैं; मात्रा का %2% L1 के पास रहता है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="992"/>
        <source>Make in India preference</source>
        <translation>मेक इन इंडिया वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="994"/>
        <source>Minimum offers</source>
        <translation>न्यूनतम ऑफ़र</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="994"/>
        <source>%1; with fewer, the bid is extended by %2 days</source>
        <translation>%1; इससे कम ऑफ़र होने पर बोली %2 दिन बढ़ाई जाती है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="997"/>
        <source>all but the highest-priced offer (H1 elimination)</source>
        <translation>सबसे ऊँचे मूल्य वाले ऑफ़र को छोड़कर सभी (H1 निष्कासन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="998"/>
        <source>the lowest-priced half of the offers</source>
        <translation>सबसे कम मूल्य वाले आधे ऑफ़र</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="999"/>
        <source>from the start: every qualified seller bids</source>
        <translation>आरंभ से ही: हर योग्य विक्रेता बोली लगाता है</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1000"/>
        <source>Reverse auction</source>
        <translation>रिवर्स नीलामी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1000"/>
        <source>Yes: %1</source>
        <translation>हाँ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1001"/>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1003"/>
        <source>Invitation to match L1</source>
        <translation>L1 मूल्य से मिलान का आमंत्रण</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1004"/>
        <source>Negotiation, round %1</source>
        <translation>बातचीत (नेगोशिएशन), दौर %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1006"/>
        <source>Items</source>
        <translation>वस्तुएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1016"/>
        <source>submitted on %1</source>
        <translation>%1 को जमा किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1016"/>
        <source>withdrawn (last sent %1)</source>
        <translation>वापस लिया गया (पिछली बार %1 को भेजा गया)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1017"/>
        <source>Your offer</source>
        <translation>आपका प्रस्ताव</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1019"/>
        <source>Receipt</source>
        <translation>रसीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1020"/>
        <source>Withdrawals left</source>
        <translation>शेष वापसी अवसर</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1021"/>
        <source>rejected: %1</source>
        <translation>अस्वीकृत: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1029"/>
        <source>lot %1: match %2 by %3; unanswered by then, it counts as declined</source>
        <translation>लॉट %1: %3 तक %2 से मिलान करें; तब तक उत्तर न देने पर इसे अस्वीकार माना जाएगा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1034"/>
        <source>open until %1</source>
        <translation>%1 तक खुला</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1035"/>
        <source>price lowered</source>
        <translation>मूल्य घटाया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1035"/>
        <source>price kept</source>
        <translation>मूल्य यथावत रखा गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1036"/>
        <source>lapsed without an answer</source>
        <translation>बिना उत्तर के समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1040"/>
        <source>lot %1, %2: %3 (%4)</source>
        <translation>लॉट %1, %2: %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1048"/>
        <source>Bid security declaration instead</source>
        <translation>इसके बदले बोली प्रतिभूति घोषणा</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1052"/>
        <source> (MSEs and startups exempt)</source>
        <translation> (एमएसई और स्टार्टअप को छूट)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1062"/>
        <source>%1: %2, delivery within %3 days</source>
        <translation>%1: %2, %3 दिन के भीतर डिलीवरी</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1065"/>
        <source>%1 — %2 in all</source>
        <translation>%1 — कुल %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1089"/>
        <source>Remark (for the buyer and the record):</source>
        <translation>टिप्पणी (खरीदार और रिकॉर्ड के लिए):</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1095"/>
        <source>Approve and publish</source>
        <translation>अनुमोदित और प्रकाशित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1101"/>
        <source>Return to the buyer</source>
        <translation>खरीदार को लौटाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1111"/>
        <source>Preparing your offer…</source>
        <translation>आपका प्रस्ताव तैयार किया जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1116"/>
        <source>Your offer cannot be prepared now: %1</source>
        <translation>आपका प्रस्ताव अभी तैयार नहीं किया जा सकता: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1136"/>
        <source>Withdraw my offer</source>
        <translation>मेरा प्रस्ताव वापस लें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1137"/>
        <source>Withdraw your offer on this bid? You may make it again before the end; an offer may be withdrawn at most three times.</source>
        <translation>इस बोली पर अपना प्रस्ताव वापस लें? समाप्ति से पहले आप इसे फिर से दे सकते हैं; कोई प्रस्ताव अधिकतम तीन बार वापस लिया जा सकता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1144"/>
        <source>Your offer will be withdrawn with the next sync.</source>
        <translation>अगले सिंक के साथ आपका प्रस्ताव वापस ले लिया जाएगा।</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/bids_page.py" line="1145"/>
        <source>Your offer will be withdrawn with the next sync (%n withdrawal(s) left after this one).</source>
        <translation>
            <numerusform>अगले सिंक के साथ आपका प्रस्ताव वापस ले लिया जाएगा (इसके बाद %n बार और वापस लिया जा सकता है)।</numerusform>
            <numerusform>अगले सिंक के साथ आपका प्रस्ताव वापस ले लिया जाएगा (इसके बाद %n बार और वापस लिया जा सकता है)।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1151"/>
        <source>You have no offer on this bid to withdraw.</source>
        <translation>इस बोली पर आपका कोई प्रस्ताव नहीं है जिसे वापस लिया जा सके।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1152"/>
        <source>The offer cannot be withdrawn now: %1</source>
        <translation>प्रस्ताव अभी वापस नहीं लिया जा सकता: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1194"/>
        <location filename="../../app/ui/bids_page.py" line="1197"/>
        <source>Negotiate with L1</source>
        <translation>L1 से बातचीत (नेगोशिएशन)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1194"/>
        <source>Lot:</source>
        <translation>लॉट:</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1198"/>
        <source>Your request to the L1 seller (72 hours to answer):</source>
        <translation>L1 विक्रेता से आपका अनुरोध (उत्तर के लिए 72 घंटे):</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1266"/>
        <source>Export the bid for audit</source>
        <translation>बोली को ऑडिट के लिए निर्यात करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="1269"/>
        <source>Saved for audit: %1</source>
        <translation>ऑडिट के लिए सहेजा गया: %1</translation>
    </message>
</context>
<context>
    <name>CartDialog</name>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="101"/>
        <source>Seller %1</source>
        <translation>विक्रेता %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="118"/>
        <source>Minimum order %1; %2 in stock</source>
        <translation>न्यूनतम ऑर्डर %1; स्टॉक में %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="123"/>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="154"/>
        <source>Total: %1</source>
        <translation>कुल: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="159"/>
        <source>The cart is empty: choose listings in the catalogue and add them with Add to cart.</source>
        <translation>कार्ट खाली है: कैटलॉग में उत्पाद सूचियाँ चुनें और “कार्ट में जोड़ें” से उन्हें जोड़ें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="172"/>
        <source>Allowed as a direct purchase: the limit is %1 (GFR 2017 Rule 149; %2).</source>
        <translation>सीधी खरीद के रूप में अनुमत: सीमा %1 है (जीएफआर 2017 नियम 149; %2)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="176"/>
        <source>Above the direct purchase limit of %1 (GFR 2017 Rule 149; %2). The whole cart is one purchase: buy it by L1 purchase or bid, or take items out of the cart.</source>
        <translation>सीधी खरीद की सीमा %1 से अधिक (जीएफआर 2017 नियम 149; %2)। पूरा कार्ट एक ही खरीद है: इसे L1 खरीद या बोली से खरीदें, या कार्ट से कुछ वस्तुएँ हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="181"/>
        <source>Enter the consignee&apos;s district.</source>
        <translation>परेषिती का ज़िला लिखें।</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cart_dialog.py" line="184"/>
        <source>%n order(s), one per seller, will go to your office&apos;s approving officer; the marketplace checks each line again. Sellers&apos; names are shown only after the purchase.</source>
        <translation>
            <numerusform>%n ऑर्डर (प्रत्येक विक्रेता का एक) आपके कार्यालय के अनुमोदन अधिकारी के पास जाएगा; मार्केटप्लेस हर पंक्ति की फिर से जाँच करेगा। विक्रेताओं के नाम खरीद के बाद ही दिखाए जाते हैं।</numerusform>
            <numerusform>%n ऑर्डर (प्रत्येक विक्रेता का एक) आपके कार्यालय के अनुमोदन अधिकारी के पास जाएँगे; मार्केटप्लेस हर पंक्ति की फिर से जाँच करेगा। विक्रेताओं के नाम खरीद के बाद ही दिखाए जाते हैं।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="215"/>
        <source>Cart</source>
        <translation>कार्ट</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="216"/>
        <source>Listings to buy in one direct purchase, at the prices you saw in the catalogue.</source>
        <translation>एक ही सीधी खरीद में खरीदी जाने वाली उत्पाद सूचियाँ, उन्हीं मूल्यों पर जो आपने कैटलॉग में देखे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="217"/>
        <source>Item</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="217"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="217"/>
        <source>Unit price</source>
        <translation>इकाई मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="218"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="218"/>
        <source>Line total</source>
        <translation>पंक्ति का कुल</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="219"/>
        <source>Consignee&apos;s district</source>
        <translation>परेषिती का ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/cart_dialog.py" line="220"/>
        <source>Send for approval</source>
        <translation>अनुमोदन के लिए भेजें</translation>
    </message>
</context>
<context>
    <name>CatalogueBrowser</name>
    <message>
        <location filename="../../app/ui/catalogue.py" line="173"/>
        <source>The search failed; see the log.</source>
        <translation>खोज विफल रही; लॉग देखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="186"/>
        <source>Search the catalogue: product, brand, model, specification (Ctrl+F)</source>
        <translation>कैटलॉग में खोजें: उत्पाद, ब्रांड, मॉडल, विनिर्देश (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="187"/>
        <source>Categories</source>
        <translation>श्रेणियाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="188"/>
        <source>Filters</source>
        <translation>फ़िल्टर</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="189"/>
        <source>Price (Rs)</source>
        <translation>मूल्य (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="190"/>
        <source>from</source>
        <translation>न्यूनतम</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="191"/>
        <source>to</source>
        <translation>अधिकतम</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="192"/>
        <source>Make in India</source>
        <translation>मेक इन इंडिया</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="193"/>
        <source>MSE sellers only</source>
        <translation>केवल एमएसई विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="194"/>
        <source>Delivers to my district (%1)</source>
        <translation>मेरे ज़िले (%1) में डिलीवरी</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="198"/>
        <source>Any class</source>
        <translation>कोई भी श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="198"/>
        <source>Class-I (50% local or more)</source>
        <translation>श्रेणी-I (50% या अधिक स्थानीय सामग्री)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="199"/>
        <source>Class-II (over 20% local)</source>
        <translation>श्रेणी-II (20% से अधिक स्थानीय सामग्री)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="199"/>
        <source>Non-local</source>
        <translation>गैर-स्थानीय</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="249"/>
        <source>Enter prices in rupees, like 2,500 or 2500.50.</source>
        <translation>मूल्य रुपयों में लिखें, जैसे 2,500 या 2500.50।</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="253"/>
        <source>The lowest price is above the highest.</source>
        <translation>न्यूनतम मूल्य अधिकतम मूल्य से अधिक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue.py" line="286"/>
        <source>%1+ listings</source>
        <translation>%1+ उत्पाद सूचियाँ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/catalogue.py" line="288"/>
        <source>%Ln listing(s)</source>
        <translation>
            <numerusform>%Ln उत्पाद सूची</numerusform>
            <numerusform>%Ln उत्पाद सूचियाँ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <location filename="../../app/ui/catalogue.py" line="46"/>
        <source>All categories</source>
        <translation>सभी श्रेणियाँ</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="36"/>
        <source>Rank</source>
        <translation>क्रम</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="36"/>
        <source>OEM (brand)</source>
        <translation>ओईएम (ब्रांड)</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="36"/>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="37"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="51"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="74"/>
        <source>Settle a conflict</source>
        <translation>टकराव सुलझाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="77"/>
        <source>“%1” was changed on the marketplace after you changed it here. For each field both changed, keep your value or take the marketplace’s. Your other changes are kept.</source>
        <translation>आपके यहाँ बदलने के बाद “%1” मार्केटप्लेस पर भी बदला गया। जिन फ़ील्ड को दोनों ओर बदला गया है, उनमें से हर एक के लिए अपना मान रखें या मार्केटप्लेस का मान लें। आपके बाकी बदलाव बने रहेंगे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="79"/>
        <source>Field</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="80"/>
        <source>Your value</source>
        <translation>आपका मान</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="81"/>
        <source>On the marketplace now</source>
        <translation>अभी मार्केटप्लेस पर</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="83"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="83"/>
        <source>Product name</source>
        <translation>उत्पाद का नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="83"/>
        <source>Brand</source>
        <translation>ब्रांड</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="84"/>
        <source>Model number</source>
        <translation>मॉडल नंबर</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="84"/>
        <source>Key specifications</source>
        <translation>मुख्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="85"/>
        <source>Other specifications</source>
        <translation>अन्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="85"/>
        <source>Country of origin</source>
        <translation>मूल देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="86"/>
        <source>Local content (%)</source>
        <translation>स्थानीय सामग्री (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="86"/>
        <source>MRP</source>
        <translation>एमआरपी</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="87"/>
        <source>Offer price</source>
        <translation>ऑफ़र मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="87"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="87"/>
        <source>Minimum order</source>
        <translation>न्यूनतम ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="88"/>
        <source>Delivers to districts</source>
        <translation>डिलीवरी वाले ज़िले</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="88"/>
        <source>Delivers to PIN codes</source>
        <translation>डिलीवरी वाले पिन कोड</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflict_dialog.py" line="89"/>
        <source>Images</source>
        <translation>चित्र</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="61"/>
        <source>No evaluation to show yet: it is made when the financial offers are opened.</source>
        <translation>अभी दिखाने को कोई मूल्यांकन नहीं है: यह वित्तीय ऑफ़र खुलने पर बनता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="87"/>
        <source>total value of all items</source>
        <translation>सभी वस्तुओं का कुल मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="87"/>
        <source>item-wise</source>
        <translation>वस्तु-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="88"/>
        <source>group-wise</source>
        <translation>समूह-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="90"/>
        <source>Evaluated on the %1</source>
        <translation>मूल्यांकन का आधार: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="99"/>
        <source>Evaluated at the final prices of reverse auction %1.</source>
        <translation>रिवर्स नीलामी %1 के अंतिम मूल्यों पर मूल्यांकित।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="100"/>
        <source>Reverse auction %1 is finding the prices: this is the bid stage&apos;s evaluation, and nothing can be awarded until the auction closes.</source>
        <translation>रिवर्स नीलामी %1 मूल्य तय कर रही है: यह बोली चरण का मूल्यांकन है, और नीलामी बंद होने तक कोई अधिनिर्णय नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="111"/>
        <source>The estimated value, %1, is below %2: the Make in India preference does not apply to this bid and its margin is not applied (%3).</source>
        <translation>अनुमानित मूल्य, %1, %2 से कम है: इस बिड पर मेक इन इंडिया वरीयता लागू नहीं होती और इसका मार्जिन लागू नहीं किया गया (%3)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="116"/>
        <source>The estimated value was not given, so the Make in India exemption below %1 (%2) could not be checked: the margin is applied.</source>
        <translation>अनुमानित मूल्य नहीं दिया गया, इसलिए %1 से कम की मेक इन इंडिया छूट (%2) जाँची नहीं जा सकी: मार्जिन लागू किया गया है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="123"/>
        <source>All items together</source>
        <translation>सभी वस्तुएँ एक साथ</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="125"/>
        <source>Lot %1: %2</source>
        <translation>लॉट %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="131"/>
        <source>No offer could be evaluated in this lot.</source>
        <translation>इस लॉट में किसी ऑफ़र का मूल्यांकन नहीं हो सका।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="134"/>
        <source>L1 is %1 at %2 for the lot.</source>
        <translation>इस लॉट में L1 %1 है, %2 पर।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="139"/>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="139"/>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="144"/>
        <source>Rank</source>
        <translation>क्रम</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="144"/>
        <location filename="../../app/ui/evaluation_view.py" line="228"/>
        <location filename="../../app/ui/evaluation_view.py" line="243"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="144"/>
        <source>Lot price</source>
        <translation>लॉट मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="144"/>
        <source>MSE</source>
        <translation>एमएसई</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="144"/>
        <source>Nature</source>
        <translation>व्यवसाय का प्रकार</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="145"/>
        <source>Make in India class</source>
        <translation>मेक इन इंडिया श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="145"/>
        <source>Offer submitted</source>
        <translation>ऑफ़र जमा हुआ</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="147"/>
        <source>As opened</source>
        <translation>खुलने के समय</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="153"/>
        <source>Yes, but not eligible for the preference</source>
        <translation>हाँ, पर वरीयता के पात्र नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="155"/>
        <source>Yes; kept its preference rights through the reverse auction</source>
        <translation>हाँ; रिवर्स नीलामी के बाद भी वरीयता के अधिकार बने रहे</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="166"/>
        <source>Not evaluated in this lot:</source>
        <translation>इस लॉट में मूल्यांकन नहीं हुआ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="171"/>
        <source>MSE purchase preference</source>
        <translation>एमएसई खरीद वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="172"/>
        <source>Make in India purchase preference</source>
        <translation>मेक इन इंडिया खरीद वरीयता</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="184"/>
        <source>Not needed: L1 itself is eligible for the preference.</source>
        <translation>आवश्यक नहीं: L1 स्वयं वरीयता का पात्र है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="185"/>
        <source>%1 matched the L1 price.</source>
        <translation>%1 ने L1 मूल्य का मिलान किया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="186"/>
        <source>%1 matched the L1 price and share the quantity in proportion to what each tendered.</source>
        <translation>%1 ने L1 मूल्य से मिलान किया और हर एक की निविदा की गई मात्रा के अनुपात में मात्रा बाँटी।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="188"/>
        <source>No eligible seller was within the band.</source>
        <translation>बैंड में कोई पात्र विक्रेता नहीं था।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="189"/>
        <source>Every seller invited declined to match the L1 price.</source>
        <translation>आमंत्रित हर विक्रेता ने L1 मूल्य के मिलान से मना किया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="190"/>
        <source>The preference&apos;s share comes to no whole unit, so nobody was invited.</source>
        <translation>वरीयता का हिस्सा एक भी पूरी इकाई नहीं बनता, इसलिए किसी को आमंत्रित नहीं किया गया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="191"/>
        <source>Not applied: the MSE preference prevails in this lot.</source>
        <translation>लागू नहीं: इस लॉट में एमएसई वरीयता प्रभावी है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="192"/>
        <source>Not applied: a bid of an estimated value below Rs 5 lakh is exempt from the Make in India Order.</source>
        <translation>लागू नहीं: 5 लाख रुपये से कम अनुमानित मूल्य की बिड मेक इन इंडिया आदेश से मुक्त है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="195"/>
        <source>within %1% of L1, up to %2</source>
        <translation>L1 से %1% के भीतर, %2 तक</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="199"/>
        <source>within %1% of L1 as opened (%3), up to %2</source>
        <translation>खुलने के समय के L1 (%3) से %1% के भीतर, %2 तक</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="205"/>
        <source>Band</source>
        <translation>बैंड</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="206"/>
        <source>In the band</source>
        <translation>बैंड में</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="207"/>
        <source>In the band, not eligible</source>
        <translation>बैंड में, पर पात्र नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="208"/>
        <source>Invited to match L1</source>
        <translation>L1 मिलान के लिए आमंत्रित</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="209"/>
        <source>Declined</source>
        <translation>मना किया</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="210"/>
        <source>Matched</source>
        <translation>मिलान किया</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="211"/>
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="220"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="220"/>
        <source>MSE price match</source>
        <translation>एमएसई मूल्य मिलान</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="221"/>
        <source>Make in India price match</source>
        <translation>मेक इन इंडिया मूल्य मिलान</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="222"/>
        <source>Award</source>
        <translation>आवंटन</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="225"/>
        <source>Nothing is awarded: no lot has an offer that could be evaluated.</source>
        <translation>कुछ आवंटित नहीं हुआ: किसी लॉट में मूल्यांकन योग्य ऑफ़र नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="228"/>
        <source>Item</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="228"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="228"/>
        <source>Unit price</source>
        <translation>इकाई मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="228"/>
        <location filename="../../app/ui/evaluation_view.py" line="243"/>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="229"/>
        <source>Rule</source>
        <translation>नियम</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="229"/>
        <source>Why</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="241"/>
        <source>By seller</source>
        <translation>विक्रेता-वार</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluation_view.py" line="244"/>
        <source>Total of the award: %1</source>
        <translation>कुल आवंटन: %1</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../app/ui/formats.py" line="31"/>
        <source>%1 bytes</source>
        <translation>%1 बाइट</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="32"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="32"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="32"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="43"/>
        <source>%1 s</source>
        <translation>%1 सेकंड</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="46"/>
        <source>%1 min</source>
        <translation>%1 मिनट</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="47"/>
        <source>%1 h %2 min</source>
        <translation>%1 घंटे %2 मिनट</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="68"/>
        <source>crore</source>
        <translation>करोड़</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="68"/>
        <source>lakh</source>
        <translation>लाख</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="100"/>
        <source>Micro (MSE)</source>
        <translation>सूक्ष्म (एमएसई)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="100"/>
        <source>Small (MSE)</source>
        <translation>लघु (एमएसई)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="100"/>
        <source>Medium (not MSE)</source>
        <translation>मध्यम (एमएसई नहीं)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="101"/>
        <source>Not an MSE</source>
        <translation>एमएसई नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="102"/>
        <location filename="../../app/ui/formats.py" line="109"/>
        <source>Unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="107"/>
        <source>Class-I local supplier</source>
        <translation>श्रेणी-I स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="107"/>
        <source>Class-II local supplier</source>
        <translation>श्रेणी-II स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="108"/>
        <source>Non-local supplier</source>
        <translation>गैर-स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="114"/>
        <source>Draft</source>
        <translation>ड्राफ़्ट</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="114"/>
        <source>Waiting for approval</source>
        <translation>अनुमोदन की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="114"/>
        <source>Published</source>
        <translation>प्रकाशित</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="115"/>
        <source>Rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="115"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="115"/>
        <source>Retired</source>
        <translation>वापस ली गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="120"/>
        <source>Manufacturer</source>
        <translation>निर्माता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="120"/>
        <source>Service provider</source>
        <translation>सेवा प्रदाता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="121"/>
        <source>Trader</source>
        <translation>व्यापारी</translation>
    </message>
</context>
<context>
    <name>GemDesk</name>
    <message>
        <location filename="../../app/ui/main.py" line="204"/>
        <source>GeM Desk cannot use its files</source>
        <translation>GeM Desk अपनी फ़ाइलों का उपयोग नहीं कर पा रहा है</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="210"/>
        <source>Your unsent changes were recovered</source>
        <translation>आपके न भेजे गए बदलाव बचा लिए गए</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="227"/>
        <source>Something went wrong</source>
        <translation>कुछ गड़बड़ हो गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="228"/>
        <source>GeM Desk hit an unexpected problem and carried on. Your work is safe. A report was saved for support:</source>
        <translation>GeM Desk में एक अप्रत्याशित समस्या आई, पर वह चलता रहा। आपका काम सुरक्षित है। सहायता के लिए एक रिपोर्ट सहेजी गई है:</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="234"/>
        <source>Open the folder</source>
        <translation>फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="259"/>
        <source>GeM Desk cannot start</source>
        <translation>GeM Desk शुरू नहीं हो सकता</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/auction_window.py" line="88"/>
        <source>No.</source>
        <translation>क्र.सं.</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="88"/>
        <source>Accepted at</source>
        <translation>स्वीकृति का समय</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="88"/>
        <source>Bidder</source>
        <translation>बोलीदाता</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="89"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
</context>
<context>
    <name>ListingDetail</name>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="40"/>
        <source>Choose a listing to see its details.</source>
        <translation>विवरण देखने के लिए कोई उत्पाद सूची चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="71"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="72"/>
        <source>Brand and model</source>
        <translation>ब्रांड और मॉडल</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="73"/>
        <source>MRP</source>
        <translation>एमआरपी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="74"/>
        <source>Discount</source>
        <translation>छूट</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="75"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="75"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="76"/>
        <source>Minimum order</source>
        <translation>न्यूनतम ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="77"/>
        <source>Country of origin</source>
        <translation>मूल देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="78"/>
        <source>Local content</source>
        <translation>स्थानीय सामग्री</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="79"/>
        <source>Delivers to districts</source>
        <translation>डिलीवरी वाले ज़िले</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="114"/>
        <source>Nature of business</source>
        <translation>व्यवसाय का प्रकार</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="117"/>
        <source>As on GeM, the seller’s name is shown only after a purchase.</source>
        <translation>GeM की तरह, विक्रेता का नाम केवल खरीद के बाद दिखाया जाता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="82"/>
        <source>PIN codes</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="83"/>
        <source>Updated</source>
        <translation>अंतिम अद्यतन</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="101"/>
        <source>Key specifications</source>
        <translation>मुख्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="104"/>
        <source>Other specifications</source>
        <translation>अन्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="105"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="107"/>
        <source>Not known yet; it arrives with the next sync.</source>
        <translation>अभी ज्ञात नहीं; यह जानकारी अगले सिंक में आएगी।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="109"/>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="109"/>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="111"/>
        <source>MSE class</source>
        <translation>एमएसई श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="112"/>
        <source>Women-owned</source>
        <translation>महिला-स्वामित्व</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="113"/>
        <source>SC/ST-owned</source>
        <translation>एससी/एसटी-स्वामित्व</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="115"/>
        <source>Located in</source>
        <translation>स्थान</translation>
    </message>
</context>
<context>
    <name>ListingEditor</name>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="169"/>
        <source>Choose a category</source>
        <translation>श्रेणी चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="222"/>
        <source>New listing</source>
        <translation>नई उत्पाद सूची</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="222"/>
        <source>Edit listing</source>
        <translation>उत्पाद सूची संपादित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="224"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="224"/>
        <source>Product name</source>
        <translation>उत्पाद का नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="224"/>
        <source>Brand</source>
        <translation>ब्रांड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="225"/>
        <source>Model number</source>
        <translation>मॉडल नंबर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="225"/>
        <source>MRP (Rs)</source>
        <translation>एमआरपी (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="225"/>
        <source>Offer price (Rs)</source>
        <translation>ऑफ़र मूल्य (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="226"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="226"/>
        <source>Minimum order</source>
        <translation>न्यूनतम ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="227"/>
        <source>Local content (%)</source>
        <translation>स्थानीय सामग्री (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="227"/>
        <source>Country of origin</source>
        <translation>मूल देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="228"/>
        <source>Delivers to districts</source>
        <translation>डिलीवरी वाले ज़िले</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="228"/>
        <source>Delivers to PIN codes</source>
        <translation>डिलीवरी वाले पिन कोड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="232"/>
        <source>e.g. Raipur, Durg, Bilaspur</source>
        <translation>जैसे Raipur, Durg, Bilaspur</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="233"/>
        <source>e.g. 492001, 491001</source>
        <translation>जैसे 492001, 491001</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="234"/>
        <source>inclusive of all taxes</source>
        <translation>सभी करों सहित</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="235"/>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="236"/>
        <source>Save as draft</source>
        <translation>ड्राफ़्ट के रूप में सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="237"/>
        <source>Save and submit for publishing</source>
        <translation>सहेजें और प्रकाशन के लिए भेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="239"/>
        <source>The marketplace did not accept the last change: %1</source>
        <translation>मार्केटप्लेस ने पिछला बदलाव स्वीकार नहीं किया: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="254"/>
        <source>Enter an amount in rupees.</source>
        <translation>राशि रुपयों में लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="259"/>
        <source>Enter an amount in rupees, like 12,500 or 12500.50.</source>
        <translation>राशि रुपयों में लिखें, जैसे 12,500 या 12500.50।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="264"/>
        <source>Enter a whole number.</source>
        <translation>पूर्ण संख्या लिखें।</translation>
    </message>
</context>
<context>
    <name>ListingRules</name>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="35"/>
        <source>This is required.</source>
        <translation>यह आवश्यक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="36"/>
        <source>Choose a category.</source>
        <translation>श्रेणी चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="37"/>
        <source>The MRP must be above zero.</source>
        <translation>एमआरपी शून्य से अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="38"/>
        <source>The MRP is implausibly large.</source>
        <translation>एमआरपी अविश्वसनीय रूप से अधिक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="39"/>
        <source>The offer price must be above zero.</source>
        <translation>ऑफ़र मूल्य शून्य से अधिक होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="40"/>
        <source>The offer price must not be above the MRP.</source>
        <translation>ऑफ़र मूल्य एमआरपी से अधिक नहीं होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="41"/>
        <source>Stock must be a whole number, not negative.</source>
        <translation>स्टॉक पूर्ण संख्या होना चाहिए, ऋणात्मक नहीं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="42"/>
        <source>The minimum order must be at least 1.</source>
        <translation>न्यूनतम ऑर्डर कम से कम 1 होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="43"/>
        <source>Local content is a whole percentage from 0 to 100.</source>
        <translation>स्थानीय सामग्री 0 से 100 के बीच पूर्ण प्रतिशत में होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="44"/>
        <source>Write district names separated by commas.</source>
        <translation>ज़िलों के नाम अल्पविराम (,) से अलग करके लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="45"/>
        <source>Write six-digit PIN codes separated by commas.</source>
        <translation>छह अंकों वाले पिन कोड अल्पविराम (,) से अलग करके लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="46"/>
        <source>Name at least one district or PIN code you deliver to.</source>
        <translation>कम से कम एक ऐसा ज़िला या पिन कोड लिखें जहाँ आप डिलीवरी करते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="51"/>
        <source>This is too long.</source>
        <translation>यह बहुत लंबा है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="57"/>
        <source>%1 is required for this category.</source>
        <translation>इस श्रेणी के लिए %1 आवश्यक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="59"/>
        <source>%1 must be a number.</source>
        <translation>%1 एक संख्या होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="61"/>
        <source>Choose one of: %1.</source>
        <translation>इनमें से एक चुनें: %1।</translation>
    </message>
</context>
<context>
    <name>ListingTableModel</name>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="212"/>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="212"/>
        <source>Brand</source>
        <translation>ब्रांड</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="212"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="213"/>
        <source>Seller class</source>
        <translation>विक्रेता श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="213"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="237"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="237"/>
        <source>Choose a listing to buy first.</source>
        <translation>पहले खरीदने के लिए कोई सूची चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Choose a listing to add to the cart first.</source>
        <translation>कार्ट में जोड़ने के लिए पहले कोई उत्पाद सूची चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="252"/>
        <source>In the cart: %1 × %2</source>
        <translation>कार्ट में: %1 × %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="271"/>
        <source>Cart (%1)</source>
        <translation>कार्ट (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284"/>
        <source>The diagnostics are on the clipboard, for support (they hold no password).</source>
        <translation>जाँच की जानकारी सहायता टीम के लिए क्लिपबोर्ड पर है (इसमें कोई पासवर्ड नहीं है)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="295"/>
        <source>You are working offline: the marketplace cannot be reached. The catalogue is as of the last sync (%1); changes you make are kept on this computer and sent when the connection returns.</source>
        <translation>आप ऑफ़लाइन काम कर रहे हैं: मार्केटप्लेस से संपर्क नहीं हो पा रहा है। कैटलॉग पिछले सिंक (%1) के अनुसार है; आपके बदलाव इसी कंप्यूटर पर रखे जाते हैं और कनेक्शन लौटने पर भेज दिए जाएँगे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="297"/>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="298"/>
        <source>Try again</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="301"/>
        <source>Your session has ended. Sign in again to sync; your changes are kept.</source>
        <translation>आपका सत्र समाप्त हो गया है। सिंक करने के लिए फिर से साइन इन करें; आपके बदलाव सुरक्षित हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>Sign in…</source>
        <translation>साइन इन करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="318"/>
        <source>GeM Desk — %1</source>
        <translation>GeM Desk — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="318"/>
        <source>GeM Desk</source>
        <translation>GeM Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="320"/>
        <source>My catalogue</source>
        <translation>मेरा कैटलॉग</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="321"/>
        <location filename="../../app/ui/self_test.py" line="99"/>
        <source>Catalogue</source>
        <translation>कैटलॉग</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323"/>
        <source>Bids</source>
        <translation>बोलियाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>Orders</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="327"/>
        <source>Auctions</source>
        <translation>नीलामियाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="328"/>
        <source>Sync now</source>
        <translation>अभी सिंक करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="329"/>
        <source>Send your changes and receive the marketplace’s (F5)</source>
        <translation>अपने बदलाव भेजें और मार्केटप्लेस के बदलाव प्राप्त करें (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="330"/>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="331"/>
        <source>Settings…</source>
        <translation>सेटिंग्स…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="332"/>
        <source>Settings (Ctrl+,)</source>
        <translation>सेटिंग्स (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="333"/>
        <source>Sign out</source>
        <translation>साइन आउट करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="335"/>
        <source>Open the log folder</source>
        <translation>लॉग फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="336"/>
        <source>Copy diagnostics</source>
        <translation>जाँच की जानकारी कॉपी करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="337"/>
        <source>About GeM Desk…</source>
        <translation>GeM Desk के बारे में…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <source>GeM Desk %1 is available: your IT department installs it.</source>
        <translation>GeM Desk %1 उपलब्ध है: इसे आपका आईटी विभाग इंस्टॉल करता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Buy…</source>
        <translation>खरीदें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="342"/>
        <source>Buy the selected listing directly or by L1 comparison</source>
        <translation>चुनी गई सूची को सीधे या L1 तुलना से खरीदें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <source>Add to cart</source>
        <translation>कार्ट में जोड़ें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>Add the selected listing to the cart at its minimum order</source>
        <translation>चुनी गई उत्पाद सूची को उसके न्यूनतम ऑर्डर की मात्रा में कार्ट में जोड़ें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="346"/>
        <source>The cart: listings for one direct purchase, one order per seller</source>
        <translation>कार्ट: एक सीधी खरीद के लिए उत्पाद सूचियाँ, प्रत्येक विक्रेता का एक ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="347"/>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="22"/>
        <source>The local copy of the catalogue was damaged; it is being downloaded again. Your own changes are safe.</source>
        <translation>कैटलॉग की स्थानीय प्रति ख़राब हो गई थी; उसे फिर से डाउनलोड किया जा रहा है। आपके अपने बदलाव सुरक्षित हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="25"/>
        <source>GeM Desk’s file of your unsent changes is damaged. GeM Desk recovers what can be read from it when it next opens; please restart it.</source>
        <translation>आपके न भेजे गए बदलावों वाली GeM Desk की फ़ाइल ख़राब हो गई है। अगली बार खुलने पर GeM Desk उसमें से जो पढ़ा जा सकता है, उसे बचा लेगा; कृपया इसे फिर से शुरू करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="28"/>
        <source>The disk is full: GeM Desk cannot save in %1. Free some space on it; your work is kept, and the next sync sends it.</source>
        <translation>डिस्क भर गई है: GeM Desk %1 में सहेज नहीं पा रहा है। उसमें कुछ जगह ख़ाली करें; आपका काम सुरक्षित है, और अगला सिंक उसे भेज देगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="31"/>
        <source>GeM Desk cannot write to its folder %1 (it is read-only for this user). Ask IT to give you write access, or choose another data folder in the settings; your work is kept.</source>
        <translation>GeM Desk अपने फ़ोल्डर %1 में लिख नहीं पा रहा है (इस उपयोगकर्ता के लिए यह केवल-पठन है)। आईटी से लिखने की अनुमति माँगें, या सेटिंग्स में कोई दूसरा डेटा फ़ोल्डर चुनें; आपका काम सुरक्षित है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="35"/>
        <source>GeM Desk’s folder %1 cannot be found (a removed drive, or a network folder that is not connected). Connect it again, or choose another data folder in the settings.</source>
        <translation>GeM Desk का फ़ोल्डर %1 नहीं मिल रहा है (हटाई गई ड्राइव, या ऐसा नेटवर्क फ़ोल्डर जो जुड़ा नहीं है)। उसे फिर से जोड़ें, या सेटिंग्स में कोई दूसरा डेटा फ़ोल्डर चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="39"/>
        <source>Another program is using GeM Desk’s file %1 in %2 (a second GeM Desk, or an antivirus scan). Close it, or wait a moment, and try again; your work is kept.</source>
        <translation>कोई दूसरा प्रोग्राम %2 में GeM Desk की फ़ाइल %1 का उपयोग कर रहा है (दूसरा GeM Desk, या एंटीवायरस स्कैन)। उसे बंद करें, या थोड़ी देर रुकें, और फिर से प्रयास करें; आपका काम सुरक्षित है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="43"/>
        <source>The disk reported an error reading or writing GeM Desk’s file %1. Try again; if it happens again, ask IT to check the disk.</source>
        <translation>GeM Desk की फ़ाइल %1 को पढ़ते या लिखते समय डिस्क ने त्रुटि बताई। फिर से प्रयास करें; यदि फिर से हो, तो आईटी से डिस्क की जाँच करवाएँ।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="45"/>
        <source>GeM Desk’s file %1 is damaged.</source>
        <translation>GeM Desk की फ़ाइल %1 ख़राब हो गई है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="50"/>
        <source>GeM Desk’s file of your unsent changes was damaged. It kept %1 listing change(s), %2 bid, offer or order step(s) and %3 cart line(s), which are waiting to be sent.</source>
        <translation>आपके न भेजे गए बदलावों वाली GeM Desk की फ़ाइल ख़राब हो गई थी। उसमें से %1 उत्पाद-सूची बदलाव, %2 बिड, ऑफ़र या ऑर्डर चरण और %3 कार्ट पंक्तियाँ बचा ली गईं, जो भेजे जाने की प्रतीक्षा में हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="55"/>
        <source>Everything in it could be read.</source>
        <translation>उसमें से सब कुछ पढ़ा जा सका।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59"/>
        <source>The damaged file was saved as %1; please send it to support.</source>
        <translation>ख़राब फ़ाइल %1 के रूप में सहेजी गई है; कृपया इसे सहायता टीम को भेजें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70"/>
        <source>The server’s certificate is not trusted. If your office uses a proxy that inspects secure connections, ask IT for its certificate file and set it as the CA bundle in the settings.</source>
        <translation>सर्वर का प्रमाणपत्र विश्वसनीय नहीं है। यदि आपका कार्यालय ऐसी प्रॉक्सी का उपयोग करता है जो सुरक्षित कनेक्शनों की जाँच करती है, तो आईटी विभाग से उसकी प्रमाणपत्र फ़ाइल माँगें और सेटिंग्स में उसे CA बंडल के रूप में सेट करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="74"/>
        <source>The marketplace server at %1 cannot be reached. Check the network connection and the server address; your work is kept.</source>
        <translation>%1 पर मार्केटप्लेस सर्वर से संपर्क नहीं हो पा रहा है। नेटवर्क कनेक्शन और सर्वर का पता जाँचें; आपका काम सुरक्षित है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77"/>
        <source>Your session has ended; please sign in again.</source>
        <translation>आपका सत्र समाप्त हो गया है; कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="80"/>
        <source>The user name or password is not right.</source>
        <translation>उपयोगकर्ता नाम या पासवर्ड सही नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="83"/>
        <source>Too many failed sign-ins for this account: try again in about %n minute(s).</source>
        <translation>इस खाते से बहुत बार साइन इन विफल हुआ: लगभग %n मिनट बाद फिर से प्रयास करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="87"/>
        <source>Enter your password.</source>
        <translation>अपना पासवर्ड लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="89"/>
        <source>%1 has changes on this computer that have not reached the marketplace yet. Sign in as %1 and sync first, so that nothing of theirs is lost.</source>
        <translation>इस कंप्यूटर पर %1 के ऐसे बदलाव हैं जो अभी तक मार्केटप्लेस तक नहीं पहुँचे हैं। पहले %1 के रूप में साइन इन करके सिंक करें, ताकि उनका कुछ भी न खोए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91"/>
        <source>Unexpected problem: %1</source>
        <translation>अप्रत्याशित समस्या: %1</translation>
    </message>
</context>
<context>
    <name>MyCatalogue</name>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="169"/>
        <source>%n listing(s) shown</source>
        <translation>
            <numerusform>%n उत्पाद सूची दिखाई गई</numerusform>
            <numerusform>%n उत्पाद सूचियाँ दिखाई गईं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="170"/>
        <source>%n with changes not yet accepted by the marketplace.</source>
        <translation>
            <numerusform>%n में ऐसे बदलाव हैं जिन्हें मार्केटप्लेस ने अभी स्वीकार नहीं किया है।</numerusform>
            <numerusform>%n में ऐसे बदलाव हैं जिन्हें मार्केटप्लेस ने अभी स्वीकार नहीं किया है।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="207"/>
        <source>The marketplace did not accept your change: %1</source>
        <translation>मार्केटप्लेस ने आपका बदलाव स्वीकार नहीं किया: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="209"/>
        <source>Edit the listing to correct it, or discard your change to keep the marketplace’s version.</source>
        <translation>इसे ठीक करने के लिए उत्पाद सूची संपादित करें, या अपना बदलाव रद्द करके मार्केटप्लेस वाला संस्करण रखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="211"/>
        <source>This listing was also changed on the marketplace. Choose which values to keep.</source>
        <translation>यह उत्पाद सूची मार्केटप्लेस पर भी बदली गई है। चुनें कि कौन-से मान रखने हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="213"/>
        <source>Your change is saved on this computer and will be sent at the next sync.</source>
        <translation>आपका बदलाव इस कंप्यूटर पर सहेजा गया है और अगले सिंक में भेजा जाएगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="215"/>
        <source>Rejected by the marketplace: %1</source>
        <translation>मार्केटप्लेस द्वारा अस्वीकृत: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="240"/>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="247"/>
        <source>Retire listing</source>
        <translation>उत्पाद सूची वापस लें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="248"/>
        <source>Retire “%1”? Buyers will no longer see it. This cannot be undone.</source>
        <translation>“%1” वापस लें? क्रेता इसे फिर नहीं देख पाएँगे। यह कार्रवाई पलटी नहीं जा सकती।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="272"/>
        <source>Discard your change</source>
        <translation>अपना बदलाव रद्द करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="273"/>
        <source>Discard your change to “%1” and keep the marketplace’s version?</source>
        <translation>“%1” में किया गया अपना बदलाव रद्द करके मार्केटप्लेस वाला संस्करण रखें?</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="281"/>
        <source>New listing</source>
        <translation>नई उत्पाद सूची</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="282"/>
        <source>Create a listing (Ctrl+N)</source>
        <translation>उत्पाद सूची बनाएँ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="283"/>
        <source>Edit</source>
        <translation>संपादित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="284"/>
        <source>Retire</source>
        <translation>वापस लें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="285"/>
        <source>Settle conflict…</source>
        <translation>टकराव सुलझाएँ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="286"/>
        <source>Discard my change</source>
        <translation>मेरा बदलाव रद्द करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="287"/>
        <source>Show retired</source>
        <translation>वापस ली गई सूचियाँ दिखाएँ</translation>
    </message>
</context>
<context>
    <name>MyListingsModel</name>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="47"/>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="47"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="47"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="48"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="48"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="48"/>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="52"/>
        <source>Conflict: choose the values to keep</source>
        <translation>टकराव: रखने के लिए मान चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="54"/>
        <source>Not accepted: %1</source>
        <translation>स्वीकार नहीं हुआ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="56"/>
        <source>Waiting to be sent</source>
        <translation>भेजे जाने की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="57"/>
        <source>Up to date</source>
        <translation>अद्यतित</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="61"/>
        <source>Retiring</source>
        <translation>वापस ली जा रही है</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="63"/>
        <source>New</source>
        <translation>नई</translation>
    </message>
</context>
<context>
    <name>NegotiationDialog</name>
    <message>
        <location filename="../../app/ui/bids_page.py" line="457"/>
        <source>Negotiation, round %1</source>
        <translation>बातचीत (नेगोशिएशन), दौर %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="459"/>
        <source>The buyer asks you, as L1, for a better price per unit (rupees). Answer by %1.</source>
        <translation>क्रेता ने L1 होने के नाते आपसे प्रति इकाई बेहतर मूल्य (रुपयों में) माँगा है। %1 तक उत्तर दें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="461"/>
        <source>Offer these prices</source>
        <translation>ये मूल्य प्रस्तावित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="462"/>
        <source>Keep my price</source>
        <translation>मेरा मूल्य यथावत रखें</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="480"/>
        <source>Lower at least one price; none may be above your price before.</source>
        <translation>कम से कम एक मूल्य घटाएँ; कोई भी मूल्य आपके पिछले मूल्य से अधिक नहीं हो सकता।</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <location filename="../../app/ui/bids_page.py" line="356"/>
        <source>Offer on %1</source>
        <translation>%1 पर प्रस्ताव</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="357"/>
        <source>For each item: the listing you offer, what you offer for each key parameter the bid requires, and the price per unit, all taxes included, in rupees. Your offer stays sealed until the bid opens; you may revise it until the end.</source>
        <translation>हर वस्तु के लिए: आप कौन-सी उत्पाद सूची प्रस्तावित कर रहे हैं, बोली में माँगे गए हर मुख्य मानक के लिए आप क्या दे रहे हैं, और प्रति इकाई कीमत, सभी कर सहित, रुपयों में। बोली खुलने तक आपका प्रस्ताव सीलबंद रहता है; समाप्ति तक आप इसे बदल सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="361"/>
        <source>Your offer is withdrawn: what you send now submits it again.</source>
        <translation>आपका प्रस्ताव वापस लिया गया है: अब आप जो भेजेंगे, उससे यह फिर से जमा होगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="363"/>
        <source>You are revising your offer (receipt %1…): what you send now replaces it.</source>
        <translation>आप अपना प्रस्ताव बदल रहे हैं (रसीद %1…): अब आप जो भेजेंगे, वह पिछले प्रस्ताव का स्थान लेगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="366"/>
        <source>You are revising the offer you prepared on this computer.</source>
        <translation>आप वह प्रस्ताव बदल रहे हैं जो आपने इस कंप्यूटर पर तैयार किया था।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="371"/>
        <source>%1 — %2 in all</source>
        <translation>%1 — कुल %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="372"/>
        <source>Offer my listing</source>
        <translation>प्रस्तावित उत्पाद सूची</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="376"/>
        <source>(no listing: describe the offer)</source>
        <translation>(कोई उत्पाद सूची नहीं: प्रस्ताव का विवरण लिखें)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="378"/>
        <source>(the listing in your offer, not offerable now)</source>
        <translation>(आपके प्रस्ताव वाली उत्पाद सूची, जो अब प्रस्तावित नहीं की जा सकती)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="381"/>
        <source>%1: required %2</source>
        <translation>%1: अपेक्षित %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="384"/>
        <source>differs from the requirement</source>
        <translation>आवश्यकता से भिन्न</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="385"/>
        <source>The buyer decides in the technical evaluation whether what you offer meets the requirement.</source>
        <translation>आपका प्रस्ताव आवश्यकता पूरी करता है या नहीं, इसका निर्णय क्रेता तकनीकी मूल्यांकन में करता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="387"/>
        <source>Price per unit (Rs)</source>
        <translation>प्रति इकाई कीमत (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="388"/>
        <source>like 18,500</source>
        <translation>जैसे 18,500</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="389"/>
        <source>Local content</source>
        <translation>स्थानीय सामग्री</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="412"/>
        <source>State what you offer for every key parameter.</source>
        <translation>हर मुख्य मानक के लिए बताएँ कि आप क्या दे रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/bids_page.py" line="414"/>
        <source>Enter a price above zero for every item, like 18,500.</source>
        <translation>हर मद के लिए शून्य से अधिक कीमत लिखें, जैसे 18,500।</translation>
    </message>
</context>
<context>
    <name>OrderDocument</name>
    <message>
        <location filename="../../app/ui/order_document.py" line="52"/>
        <source>Bid %1</source>
        <translation>बोली %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="53"/>
        <location filename="../../app/ui/order_document.py" line="73"/>
        <source>Direct purchase</source>
        <translation>सीधी खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="54"/>
        <source>L1 purchase</source>
        <translation>L1 खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="59"/>
        <source>Awaiting the approving officer</source>
        <translation>अनुमोदन अधिकारी की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="60"/>
        <source>Returned to the buyer</source>
        <translation>क्रेता को लौटाया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="61"/>
        <source>Placed, awaiting the seller</source>
        <translation>ऑर्डर दिया गया, विक्रेता की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="62"/>
        <source>Accepted by the seller</source>
        <translation>विक्रेता द्वारा स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="63"/>
        <source>Declined by the seller</source>
        <translation>विक्रेता द्वारा अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="64"/>
        <location filename="../../app/ui/order_document.py" line="141"/>
        <source>Delivered</source>
        <translation>डिलीवर किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="65"/>
        <source>Received (CRAC issued)</source>
        <translation>प्राप्त (सीआरएसी जारी)</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="66"/>
        <location filename="../../app/ui/order_document.py" line="143"/>
        <source>Paid</source>
        <translation>भुगतान किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="74"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="75"/>
        <location filename="../../app/ui/order_document.py" line="76"/>
        <source>MSE price match</source>
        <translation>एमएसई मूल्य मिलान</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="77"/>
        <location filename="../../app/ui/order_document.py" line="78"/>
        <source>Make in India price match</source>
        <translation>मेक इन इंडिया मूल्य मिलान</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="83"/>
        <source>Generated by GeM Desk on %1; order id %2</source>
        <translation>GeM Desk द्वारा %1 को तैयार किया गया; ऑर्डर आईडी %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="106"/>
        <location filename="../../app/ui/order_document.py" line="293"/>
        <source>Contract / Order</source>
        <translation>अनुबंध / ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="110"/>
        <location filename="../../app/ui/order_document.py" line="294"/>
        <source>Not yet placed</source>
        <translation>ऑर्डर अभी नहीं दिया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="131"/>
        <source>Buying mode</source>
        <translation>खरीद का तरीका</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="132"/>
        <source>Buyer office</source>
        <translation>क्रेता कार्यालय</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="133"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="134"/>
        <source>Consignee district</source>
        <translation>परेषिती का ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="135"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="138"/>
        <source>Raised</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="139"/>
        <source>Placed</source>
        <translation>ऑर्डर दिया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="140"/>
        <source>Accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="142"/>
        <source>Received (CRAC)</source>
        <translation>प्राप्त (सीआरएसी)</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="176"/>
        <source>No.</source>
        <translation>क्र.सं.</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="176"/>
        <source>Item</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="176"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="177"/>
        <source>Unit price</source>
        <translation>इकाई मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="177"/>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="177"/>
        <source>Rule</source>
        <translation>नियम</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="182"/>
        <source>Total value of the order</source>
        <translation>ऑर्डर का कुल मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="186"/>
        <source>In words: %1</source>
        <translation>शब्दों में: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="187"/>
        <source>What is ordered</source>
        <translation>ऑर्डर की गई वस्तुएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="196"/>
        <source>Payment due within %1 days of the CRAC (Consignee Receipt and Acceptance Certificate).</source>
        <translation>सीआरएसी (परेषिती प्राप्ति एवं स्वीकृति प्रमाणपत्र) के %1 दिन के भीतर भुगतान देय।</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="199"/>
        <source>Payment due by %1.</source>
        <translation>%1 तक भुगतान देय।</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="201"/>
        <source>Paid on %1.</source>
        <translation>%1 को भुगतान किया गया।</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="203"/>
        <source>Interest for late payment: %1.</source>
        <translation>विलंबित भुगतान पर ब्याज: %1।</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="207"/>
        <source>Payment terms</source>
        <translation>भुगतान की शर्तें</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="216"/>
        <source>Why fewer than three OEMs</source>
        <translation>तीन से कम ओईएम क्यों</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="219"/>
        <source>OEMs that met the requirement (%1): %2</source>
        <translation>आवश्यकता पूरी करने वाले ओईएम (%1): %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="229"/>
        <source>Remark</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="234"/>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="234"/>
        <source>By</source>
        <translation>किसके द्वारा</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="234"/>
        <source>What</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="235"/>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="241"/>
        <source>the marketplace, automatically</source>
        <translation>मार्केटप्लेस, स्वतः</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="243"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="247"/>
        <source>Order history</source>
        <translation>ऑर्डर का इतिहास</translation>
    </message>
    <message>
        <location filename="../../app/ui/order_document.py" line="358"/>
        <source>Page %1 of %2</source>
        <translation>पृष्ठ %1 / %2</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../app/ui/orders_page.py" line="35"/>
        <source>Awaiting approval</source>
        <translation>अनुमोदन की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="36"/>
        <source>Returned</source>
        <translation>लौटाया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="37"/>
        <source>Placed, awaiting the seller</source>
        <translation>ऑर्डर दिया गया, विक्रेता की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="38"/>
        <source>Accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="39"/>
        <source>Declined by the seller</source>
        <translation>विक्रेता द्वारा अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="40"/>
        <source>Delivered</source>
        <translation>डिलीवर किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="41"/>
        <source>Received (CRAC issued)</source>
        <translation>प्राप्त (सीआरएसी जारी)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="42"/>
        <source>Paid</source>
        <translation>भुगतान किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="49"/>
        <source>Bid %1</source>
        <translation>बोली %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="50"/>
        <source>Direct purchase</source>
        <translation>सीधी खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="51"/>
        <source>L1 purchase</source>
        <translation>L1 खरीद</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../app/ui/orders_page.py" line="84"/>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="84"/>
        <source>Item</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="85"/>
        <source>Buyer&apos;s office</source>
        <translation>क्रेता का कार्यालय</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="85"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="86"/>
        <source>Value</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="86"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="86"/>
        <source>Payment due</source>
        <translation>भुगतान देय तिथि</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="100"/>
        <source>(not placed)</source>
        <translation>(ऑर्डर नहीं दिया गया)</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../app/ui/orders_page.py" line="188"/>
        <source>Only orders waiting for me</source>
        <translation>केवल मेरी कार्रवाई की प्रतीक्षा वाले ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="189"/>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="190"/>
        <source>Approve and place…</source>
        <translation>अनुमोदित करें और ऑर्डर दें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="190"/>
        <source>Return…</source>
        <translation>लौटाएँ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="191"/>
        <location filename="../../app/ui/orders_page.py" line="309"/>
        <source>Accept the order</source>
        <translation>ऑर्डर स्वीकार करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="191"/>
        <source>Decline…</source>
        <translation>अस्वीकार करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="192"/>
        <source>Mark delivered…</source>
        <translation>डिलीवरी दर्ज करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="192"/>
        <source>Issue the CRAC…</source>
        <translation>सीआरएसी जारी करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="193"/>
        <source>Record the payment…</source>
        <translation>भुगतान दर्ज करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="193"/>
        <source>Save as PDF…</source>
        <translation>पीडीएफ़ के रूप में सहेजें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="196"/>
        <location filename="../../app/ui/orders_page.py" line="267"/>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="197"/>
        <source>Timeline</source>
        <translation>समय-रेखा</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="204"/>
        <source>Loading the orders…</source>
        <translation>ऑर्डर लोड हो रहे हैं…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="220"/>
        <source>%n order(s).</source>
        <translation>
            <numerusform>%n ऑर्डर।</numerusform>
            <numerusform>%n ऑर्डर।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="222"/>
        <source>Offline: shown as of %1.</source>
        <translation>ऑफ़लाइन: %1 की स्थिति के अनुसार दिखाया गया।</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="231"/>
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में।</numerusform>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="232"/>
        <source>Not accepted: %1</source>
        <translation>स्वीकार नहीं: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="238"/>
        <source>The orders cannot be read now: %1</source>
        <translation>ऑर्डर अभी पढ़े नहीं जा सकते: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="267"/>
        <source>(not placed)</source>
        <translation>(ऑर्डर नहीं दिया गया)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="268"/>
        <source>Bought by</source>
        <translation>खरीद का तरीका</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="269"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="270"/>
        <source>Buyer&apos;s office</source>
        <translation>क्रेता का कार्यालय</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="271"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="272"/>
        <source>Consignee&apos;s district</source>
        <translation>परेषिती का ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="273"/>
        <source>Value</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="274"/>
        <source>Placed</source>
        <translation>ऑर्डर दिया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="274"/>
        <source>Accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="275"/>
        <source>Delivered</source>
        <translation>डिलीवर किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="275"/>
        <source>Received (CRAC)</source>
        <translation>प्राप्त (सीआरएसी)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="276"/>
        <source>Payment due</source>
        <translation>भुगतान देय तिथि</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="276"/>
        <source>Paid</source>
        <translation>भुगतान किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="279"/>
        <source>Payment terms</source>
        <translation>भुगतान की शर्तें</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/orders_page.py" line="279"/>
        <source>due %n day(s) after the CRAC</source>
        <translation>
            <numerusform>सीआरएसी के %n दिन बाद देय</numerusform>
            <numerusform>सीआरएसी के %n दिन बाद देय</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="281"/>
        <source>Interest for late payment</source>
        <translation>विलंबित भुगतान पर ब्याज</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="283"/>
        <source>Why fewer than three OEMs</source>
        <translation>तीन से कम ओईएम क्यों</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="285"/>
        <source>Remark</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="293"/>
        <source>Item</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="293"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="293"/>
        <source>Unit price</source>
        <translation>इकाई मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="293"/>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="308"/>
        <source>Approve and place the order</source>
        <translation>अनुमोदित करें और ऑर्डर दें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="308"/>
        <source>Return to the buyer</source>
        <translation>क्रेता को लौटाएँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="309"/>
        <source>Decline the order</source>
        <translation>ऑर्डर अस्वीकार करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="310"/>
        <source>Mark delivered (invoice or challan number)</source>
        <translation>डिलीवरी दर्ज करें (बीजक या चालान संख्या)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="311"/>
        <source>Issue the CRAC</source>
        <translation>सीआरएसी जारी करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="311"/>
        <source>Record the payment (reference)</source>
        <translation>भुगतान दर्ज करें (संदर्भ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="314"/>
        <source>Remark (for the other side and the record):</source>
        <translation>टिप्पणी (दूसरे पक्ष और रिकॉर्ड के लिए):</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="331"/>
        <source>Save the order as PDF</source>
        <translation>ऑर्डर को पीडीएफ़ के रूप में सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders_page.py" line="334"/>
        <source>Saved: %1</source>
        <translation>सहेजा गया: %1</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="145"/>
        <source>Buy</source>
        <translation>खरीदें</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="147"/>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="148"/>
        <source>Consignee&apos;s district</source>
        <translation>परेषिती का ज़िला</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="149"/>
        <source>Direct purchase of this listing</source>
        <translation>इस सूची की सीधी खरीद</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="150"/>
        <source>L1 purchase: the lowest-priced product meeting these key parameters</source>
        <translation>L1 खरीद: इन मुख्य मानकों को पूरा करने वाला सबसे कम कीमत का उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="151"/>
        <source>Compare</source>
        <translation>तुलना करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="152"/>
        <source>Key parameters the product must meet</source>
        <translation>मुख्य मानक, जिन्हें उत्पाद को पूरा करना होगा</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="153"/>
        <source>Why fewer than three OEMs</source>
        <translation>तीन से कम ओईएम क्यों</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="154"/>
        <source>Send for approval</source>
        <translation>अनुमोदन के लिए भेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="184"/>
        <source>%1 OEM(s) meet the requirement: %2</source>
        <translation>%1 ओईएम आवश्यकता पूरी करते हैं: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="194"/>
        <source>Enter the consignee&apos;s district.</source>
        <translation>परेषिती का ज़िला लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="197"/>
        <source>Compare first: only the L1 can be ordered.</source>
        <translation>पहले तुलना करें: केवल L1 का ही ऑर्डर दिया जा सकता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="199"/>
        <source>No product of this category meets the key parameters and delivers there.</source>
        <translation>इस श्रेणी का कोई उत्पाद मुख्य मानकों को पूरा नहीं करता और वहाँ डिलीवर नहीं करता।</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="201"/>
        <source>Fewer than three OEMs: say why you buy from this comparison.</source>
        <translation>तीन से कम ओईएम: बताएँ कि आप इस तुलना से क्यों खरीद रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="210"/>
        <source>Value %1: %2</source>
        <translation>मूल्य %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="211"/>
        <source>allowed by this route</source>
        <translation>इस तरीके से अनुमत</translation>
    </message>
    <message>
        <location filename="../../app/ui/purchase_dialog.py" line="211"/>
        <source>above this route&apos;s limit (%1)</source>
        <translation>इस तरीके की सीमा से अधिक (%1)</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../app/ui/auction_window.py" line="76"/>
        <source>Rank</source>
        <translation>क्रम</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="76"/>
        <source>Bidder</source>
        <translation>बोलीदाता</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_window.py" line="76"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
</context>
<context>
    <name>ScheduleAuctionDialog</name>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="116"/>
        <source>Schedule the reverse auction</source>
        <translation>रिवर्स नीलामी निर्धारित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="117"/>
        <source>Bid %1: the technically qualified sellers bid for the whole bid, below the bid stage&apos;s L1 price of %2. Who enters follows the bid&apos;s rule. Once scheduled, these parameters are fixed and shown to every bidder.</source>
        <translation>बोली %1: तकनीकी रूप से योग्य विक्रेता पूरी बोली के लिए, बोली चरण के L1 मूल्य %2 से कम पर बोली लगाते हैं। कौन भाग लेगा, यह बोली के नियम से तय होता है। निर्धारित होने के बाद ये मानदंड स्थिर रहते हैं और हर बोलीदाता को दिखाए जाते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="121"/>
        <source>Starts</source>
        <translation>आरंभ</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="121"/>
        <source>Runs for</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="121"/>
        <source>Start price (Rs)</source>
        <translation>आरंभिक मूल्य (रु)</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="122"/>
        <source>Minimum decrement</source>
        <translation>न्यूनतम कमी</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="122"/>
        <source>Bidders see</source>
        <translation>बोलीदाता देखते हैं</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="123"/>
        <source>Auto-extension</source>
        <translation>स्वतः विस्तार</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="126"/>
        <location filename="../../app/ui/auction_dialog.py" line="128"/>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="129"/>
        <source>a bid in the last</source>
        <translation>अंतिम</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="130"/>
        <source>extends the end by</source>
        <translation>में बोली आने पर समाप्ति इतनी बढ़ती है:</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="131"/>
        <source>, at most (times)</source>
        <translation>, अधिकतम (बार)</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="132"/>
        <source>% of the start price</source>
        <translation>आरंभिक मूल्य का %</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="133"/>
        <source>Rs</source>
        <translation>रु</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="134"/>
        <source>their own rank and the current L1 price</source>
        <translation>अपनी रैंक और वर्तमान L1 मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="135"/>
        <source>their own rank only</source>
        <translation>केवल अपनी रैंक</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="136"/>
        <source>Schedule</source>
        <translation>निर्धारित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="165"/>
        <source>The start must be in the future.</source>
        <translation>आरंभ भविष्य में होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="171"/>
        <source>Type the start price in rupees, for example 13,99,000.</source>
        <translation>आरंभिक मूल्य रुपयों में लिखें, जैसे 13,99,000।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="173"/>
        <source>The start price cannot be above the bid stage&apos;s L1 (%1).</source>
        <translation>आरंभिक मूल्य बोली चरण के L1 (%1) से अधिक नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="191"/>
        <source>Type the step as a percentage of the start price, for example 0.5.</source>
        <translation>कमी को आरंभिक मूल्य के प्रतिशत में लिखें, जैसे 0.5।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="193"/>
        <source>Type the step in rupees, for example 1,000.</source>
        <translation>कमी रुपयों में लिखें, जैसे 1,000।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="195"/>
        <source>The step (%1) must be less than the start price.</source>
        <translation>कमी (%1) आरंभिक मूल्य से कम होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="198"/>
        <source>The auction must run for some time.</source>
        <translation>नीलामी कुछ समय तक चलनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="200"/>
        <source>An extension needs a length, or set the window or the count to 0.</source>
        <translation>विस्तार के लिए उसकी अवधि चाहिए, या समय-सीमा या गिनती 0 करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/auction_dialog.py" line="225"/>
        <source>Each bid at least %1 below the bidder&apos;s own last one; the first at most %2.</source>
        <translation>हर बोली बोलीदाता की अपनी पिछली बोली से कम से कम %1 कम; पहली बोली अधिकतम %2।</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="88"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="89"/>
        <source>Server address</source>
        <translation>सर्वर का पता</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="89"/>
        <source>Proxy</source>
        <translation>प्रॉक्सी</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="89"/>
        <source>CA bundle</source>
        <translation>CA बंडल</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="89"/>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90"/>
        <source>Sync every (minutes)</source>
        <translation>सिंक अंतराल (मिनट)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90"/>
        <source>Data folder</source>
        <translation>डेटा फ़ोल्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="93"/>
        <source>empty: the system&apos;s proxy settings</source>
        <translation>खाली होने पर: सिस्टम की प्रॉक्सी सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>empty: the usual trusted certificates</source>
        <translation>खाली होने पर: सामान्य विश्वसनीय प्रमाणपत्र</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="95"/>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="96"/>
        <source>Open folder</source>
        <translation>फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97"/>
        <source>A new server address takes effect at the next sign-in. The data folder holds the catalogue cache and your unsent changes; your password is never stored there.</source>
        <translation>नया सर्वर पता अगली बार साइन इन करने पर लागू होगा। डेटा फ़ोल्डर में कैटलॉग कैश और आपके न भेजे गए बदलाव रहते हैं; आपका पासवर्ड वहाँ कभी नहीं रखा जाता।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="99"/>
        <source>The settings you cannot change here are set for this computer by your IT department.</source>
        <translation>जिन सेटिंग्स को आप यहाँ नहीं बदल सकते, वे इस कंप्यूटर के लिए आपके आईटी विभाग ने तय की हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="102"/>
        <source>Set by your IT department</source>
        <translation>आपके आईटी विभाग द्वारा तय</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="105"/>
        <source>Certificate file</source>
        <translation>प्रमाणपत्र फ़ाइल</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>प्रमाणपत्र (*.pem *.crt *.cer);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="113"/>
        <source>Server address: it must start with https:// (or http:// for a test server).</source>
        <translation>सर्वर का पता: यह https:// से शुरू होना चाहिए (परीक्षण सर्वर के लिए http://)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>CA bundle: there is no file at %1.</source>
        <translation>CA बंडल: %1 पर कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>Proxy: write it as http://host:port (https:// and socks5:// work too).</source>
        <translation>प्रॉक्सी: इसे http://host:port के रूप में लिखें (https:// और socks5:// भी चलते हैं)।</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="87"/>
        <source>Sign in to GeM Desk</source>
        <translation>GeM Desk में साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="88"/>
        <source>Sign in to the Government e-Marketplace</source>
        <translation>गवर्नमेंट ई-मार्केटप्लेस में साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="89"/>
        <source>Server address</source>
        <translation>सर्वर का पता</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="90"/>
        <source>User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="91"/>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="93"/>
        <source>Remember me on this computer</source>
        <translation>इस कंप्यूटर पर मुझे याद रखें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="95"/>
        <source>This computer has no secure password store (keyring), so GeM Desk will not remember your sign-in: you will be asked for your password each time it starts.</source>
        <translation>इस कंप्यूटर पर पासवर्ड सुरक्षित रखने की व्यवस्था (कीरिंग) नहीं है, इसलिए GeM Desk आपका साइन-इन याद नहीं रखेगा: हर बार शुरू होने पर आपसे पासवर्ड पूछा जाएगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="97"/>
        <source>Sign in</source>
        <translation>साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="104"/>
        <source>Enter the server address, for example https://gem.example.gov.in</source>
        <translation>सर्वर का पता लिखें, उदाहरण के लिए https://gem.example.gov.in</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="106"/>
        <source>The server address must start with https:// (or http:// for a test server).</source>
        <translation>सर्वर का पता https:// से शुरू होना चाहिए (परीक्षण सर्वर के लिए http://)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="108"/>
        <source>Enter your user name.</source>
        <translation>अपना उपयोगकर्ता नाम लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="110"/>
        <source>Enter your password.</source>
        <translation>अपना पासवर्ड लिखें।</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="156"/>
        <location filename="../../app/ui/sync_controller.py" line="211"/>
        <source>Your session has ended; sign in again to sync.</source>
        <translation>आपका सत्र समाप्त हो गया है; सिंक करने के लिए फिर से साइन इन करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="159"/>
        <source>The marketplace cannot be reached; working offline. Your changes are kept.</source>
        <translation>मार्केटप्लेस से संपर्क नहीं हो पा रहा है; ऑफ़लाइन काम जारी है। आपके बदलाव सुरक्षित हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="164"/>
        <source>The sync stopped because of an unexpected problem; it is in the log.</source>
        <translation>किसी अप्रत्याशित समस्या के कारण सिंक रुक गया; इसका विवरण लॉग में है।</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="64"/>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="77"/>
        <source>Sending your changes (%1 of %2)</source>
        <translation>आपके बदलाव भेजे जा रहे हैं (%2 में से %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="77"/>
        <source>Receiving updates (%1)</source>
        <translation>अपडेट प्राप्त हो रहे हैं (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="78"/>
        <source>Checking the count (%1)</source>
        <translation>गिनती की जाँच (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="85"/>
        <source>Downloading the catalogue snapshot</source>
        <translation>कैटलॉग का स्नैपशॉट डाउनलोड हो रहा है</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="87"/>
        <source>Receiving the catalogue: %1 of %2 listings</source>
        <translation>कैटलॉग आ रहा है: %2 में से %1 लिस्टिंग</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="90"/>
        <source>Receiving the catalogue: %1 listings</source>
        <translation>कैटलॉग आ रहा है: %1 लिस्टिंग</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="93"/>
        <source>%1 received</source>
        <translation>%1 प्राप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="95"/>
        <source>%1/s</source>
        <translation>%1/सेकंड</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="97"/>
        <source>about %1 left</source>
        <translation>लगभग %1 बाकी</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="99"/>
        <source>%1 can be searched</source>
        <translation>%1 में खोज संभव</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>Sync complete.</source>
        <translation>सिंक पूरा हुआ।</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="122"/>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="123"/>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="124"/>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="125"/>
        <source>Signed out</source>
        <translation>साइन आउट</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/self_test.py" line="101"/>
        <location filename="../../app/ui/status_bar.py" line="130"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n बदलाव प्रतीक्षा में</numerusform>
            <numerusform>%n बदलाव प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status_bar.py" line="133"/>
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n पर आपका ध्यान चाहिए</numerusform>
            <numerusform>%n पर आपका ध्यान चाहिए</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="135"/>
        <source>Last sync: %1</source>
        <translation>पिछला सिंक: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="135"/>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../app/ui/timeline.py" line="29"/>
        <source>Drafted</source>
        <translation>ड्राफ़्ट बनाया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="30"/>
        <source>Edited</source>
        <translation>बदला गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="31"/>
        <source>Sent for approval</source>
        <translation>अनुमोदन के लिए भेजा</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="32"/>
        <source>Approved and published</source>
        <translation>अनुमोदित और प्रकाशित</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="33"/>
        <source>Published</source>
        <translation>प्रकाशित</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="34"/>
        <source>Returned to the buyer</source>
        <translation>क्रेता को लौटाया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="35"/>
        <source>Cancelled</source>
        <translation>रद्द किया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="36"/>
        <source>Extended automatically</source>
        <translation>स्वतः बढ़ाई गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="37"/>
        <source>Closed</source>
        <translation>बंद हुई</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="38"/>
        <source>Opened</source>
        <translation>खोली गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="39"/>
        <source>Technical evaluation</source>
        <translation>तकनीकी मूल्यांकन</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="40"/>
        <source>Financial offers opened</source>
        <translation>वित्तीय ऑफ़र खोले गए</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="41"/>
        <source>Match to L1 accepted</source>
        <translation>L1 मिलान स्वीकार किया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="42"/>
        <source>Match to L1 declined</source>
        <translation>L1 मिलान से मना किया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="43"/>
        <source>Invitation to match L1 lapsed unanswered</source>
        <translation>L1 से मिलान का आमंत्रण बिना उत्तर के समाप्त हुआ</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="44"/>
        <source>L1 asked to negotiate</source>
        <translation>L1 से बातचीत (नेगोशिएशन) का अनुरोध</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="45"/>
        <source>L1 lowered its price</source>
        <translation>L1 ने अपना मूल्य घटाया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="46"/>
        <source>L1 kept its price</source>
        <translation>L1 ने अपना मूल्य यथावत रखा</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="47"/>
        <source>Negotiation round lapsed</source>
        <translation>बातचीत (नेगोशिएशन) का दौर बिना उत्तर के समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="48"/>
        <source>Awarded</source>
        <translation>आवंटित</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="49"/>
        <source>Lapsed: the offers&apos; validity ended</source>
        <translation>व्यपगत: ऑफ़र की वैधता समाप्त हुई</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="50"/>
        <source>Approved and placed</source>
        <translation>अनुमोदित, ऑर्डर दिया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="51"/>
        <source>Order placed</source>
        <translation>ऑर्डर दिया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="52"/>
        <source>Accepted by the seller</source>
        <translation>विक्रेता द्वारा स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="53"/>
        <source>Declined by the seller</source>
        <translation>विक्रेता द्वारा अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="54"/>
        <source>Delivered</source>
        <translation>डिलीवर किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="55"/>
        <source>Received: CRAC issued</source>
        <translation>प्राप्त: सीआरएसी जारी</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="56"/>
        <source>Paid</source>
        <translation>भुगतान किया गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="62"/>
        <source>buyer</source>
        <translation>क्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="62"/>
        <source>approver</source>
        <translation>अनुमोदक</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="63"/>
        <source>seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="63"/>
        <source>administrator</source>
        <translation>प्रशासक</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="127"/>
        <source>the marketplace, automatically</source>
        <translation>मार्केटप्लेस, स्वतः</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="131"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="163"/>
        <source>There is no history yet: events appear here as things move on.</source>
        <translation>अभी कोई इतिहास नहीं है: कार्रवाई आगे बढ़ने पर घटनाएँ यहाँ दिखेंगी।</translation>
    </message>
</context>
</TS>
