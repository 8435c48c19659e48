<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
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
    <name>Formats</name>
    <message>
        <location filename="../../app/ui/formats.py" line="30"/>
        <source>crore</source>
        <translation>करोड़</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="30"/>
        <source>lakh</source>
        <translation>लाख</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="52"/>
        <source>Micro (MSE)</source>
        <translation>सूक्ष्म (एमएसई)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="52"/>
        <source>Small (MSE)</source>
        <translation>लघु (एमएसई)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="52"/>
        <source>Medium (not MSE)</source>
        <translation>मध्यम (एमएसई नहीं)</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="53"/>
        <source>Not an MSE</source>
        <translation>एमएसई नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="54"/>
        <location filename="../../app/ui/formats.py" line="61"/>
        <source>Unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="59"/>
        <source>Class-I local supplier</source>
        <translation>श्रेणी-I स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="59"/>
        <source>Class-II local supplier</source>
        <translation>श्रेणी-II स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="60"/>
        <source>Non-local supplier</source>
        <translation>गैर-स्थानीय आपूर्तिकर्ता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="66"/>
        <source>Draft</source>
        <translation>ड्राफ़्ट</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="66"/>
        <source>Waiting for approval</source>
        <translation>अनुमोदन की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="66"/>
        <source>Published</source>
        <translation>प्रकाशित</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="67"/>
        <source>Rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="67"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="67"/>
        <source>Retired</source>
        <translation>वापस ली गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="72"/>
        <source>Manufacturer</source>
        <translation>निर्माता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="72"/>
        <source>Service provider</source>
        <translation>सेवा प्रदाता</translation>
    </message>
    <message>
        <location filename="../../app/ui/formats.py" line="73"/>
        <source>Trader</source>
        <translation>व्यापारी</translation>
    </message>
</context>
<context>
    <name>GemDesk</name>
    <message>
        <location filename="../../app/ui/main.py" line="170"/>
        <source>Something went wrong</source>
        <translation>कुछ गड़बड़ हो गई</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="171"/>
        <source>GeM Desk hit an unexpected problem and carried on. Your work is safe. A report was saved for support:</source>
        <translation>GeM Desk में एक अप्रत्याशित समस्या आई, पर वह चलता रहा। आपका काम सुरक्षित है। सहायता के लिए एक रिपोर्ट सहेजी गई है:</translation>
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
        <location filename="../../app/ui/listing_detail.py" line="73"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="74"/>
        <source>Brand and model</source>
        <translation>ब्रांड और मॉडल</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="75"/>
        <source>MRP</source>
        <translation>एमआरपी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="76"/>
        <source>Discount</source>
        <translation>छूट</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="77"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="77"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="78"/>
        <source>Minimum order</source>
        <translation>न्यूनतम ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="79"/>
        <source>Country of origin</source>
        <translation>मूल देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="80"/>
        <source>Local content</source>
        <translation>स्थानीय सामग्री</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="81"/>
        <source>Delivers to districts</source>
        <translation>डिलीवरी वाले ज़िले</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="116"/>
        <source>Nature of business</source>
        <translation>व्यवसाय का प्रकार</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="119"/>
        <source>As on GeM, the seller’s name is shown only after a purchase.</source>
        <translation>GeM की तरह, विक्रेता का नाम केवल खरीद के बाद दिखाया जाता है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="84"/>
        <source>PIN codes</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="85"/>
        <source>Updated</source>
        <translation>अंतिम अद्यतन</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="103"/>
        <source>Key specifications</source>
        <translation>मुख्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="106"/>
        <source>Other specifications</source>
        <translation>अन्य विनिर्देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="107"/>
        <source>Seller</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="109"/>
        <source>Not known yet; it arrives with the next sync.</source>
        <translation>अभी ज्ञात नहीं; यह जानकारी अगले सिंक में आएगी।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="111"/>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="111"/>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="113"/>
        <source>MSE class</source>
        <translation>एमएसई श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="114"/>
        <source>Women-owned</source>
        <translation>महिला-स्वामित्व</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="115"/>
        <source>SC/ST-owned</source>
        <translation>एससी/एसटी-स्वामित्व</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_detail.py" line="117"/>
        <source>Located in</source>
        <translation>स्थान</translation>
    </message>
</context>
<context>
    <name>ListingEditor</name>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="179"/>
        <source>Choose a category</source>
        <translation>श्रेणी चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="240"/>
        <source>New listing</source>
        <translation>नई उत्पाद सूची</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="240"/>
        <source>Edit listing</source>
        <translation>उत्पाद सूची संपादित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="242"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="242"/>
        <source>Product name</source>
        <translation>उत्पाद का नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="242"/>
        <source>Brand</source>
        <translation>ब्रांड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="243"/>
        <source>Model number</source>
        <translation>मॉडल नंबर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="243"/>
        <source>MRP (Rs)</source>
        <translation>एमआरपी (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="243"/>
        <source>Offer price (Rs)</source>
        <translation>ऑफ़र मूल्य (Rs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="244"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="244"/>
        <source>Minimum order</source>
        <translation>न्यूनतम ऑर्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="245"/>
        <source>Local content (%)</source>
        <translation>स्थानीय सामग्री (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="245"/>
        <source>Country of origin</source>
        <translation>मूल देश</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="246"/>
        <source>Delivers to districts</source>
        <translation>डिलीवरी वाले ज़िले</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="246"/>
        <source>Delivers to PIN codes</source>
        <translation>डिलीवरी वाले पिन कोड</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="250"/>
        <source>e.g. Raipur, Durg, Bilaspur</source>
        <translation>जैसे Raipur, Durg, Bilaspur</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="251"/>
        <source>e.g. 492001, 491001</source>
        <translation>जैसे 492001, 491001</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="252"/>
        <source>inclusive of all taxes</source>
        <translation>सभी करों सहित</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="253"/>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="254"/>
        <source>Save as draft</source>
        <translation>ड्राफ़्ट के रूप में सहेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="255"/>
        <source>Save and submit for publishing</source>
        <translation>सहेजें और प्रकाशन के लिए भेजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="257"/>
        <source>The marketplace did not accept the last change: %1</source>
        <translation>मार्केटप्लेस ने पिछला बदलाव स्वीकार नहीं किया: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="272"/>
        <source>Enter an amount in rupees.</source>
        <translation>राशि रुपयों में लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="277"/>
        <source>Enter an amount in rupees, like 12,500 or 12500.50.</source>
        <translation>राशि रुपयों में लिखें, जैसे 12,500 या 12500.50।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="282"/>
        <source>Enter a whole number.</source>
        <translation>पूर्ण संख्या लिखें।</translation>
    </message>
</context>
<context>
    <name>ListingRules</name>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="34"/>
        <source>This is required.</source>
        <translation>यह आवश्यक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="35"/>
        <source>Choose a category.</source>
        <translation>श्रेणी चुनें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="36"/>
        <source>The MRP must be above zero.</source>
        <translation>एमआरपी शून्य से अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="37"/>
        <source>The MRP is implausibly large.</source>
        <translation>एमआरपी अविश्वसनीय रूप से अधिक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="38"/>
        <source>The offer price must be above zero.</source>
        <translation>ऑफ़र मूल्य शून्य से अधिक होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="39"/>
        <source>The offer price must not be above the MRP.</source>
        <translation>ऑफ़र मूल्य एमआरपी से अधिक नहीं होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="40"/>
        <source>Stock must be a whole number, not negative.</source>
        <translation>स्टॉक पूर्ण संख्या होना चाहिए, ऋणात्मक नहीं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="41"/>
        <source>The minimum order must be at least 1.</source>
        <translation>न्यूनतम ऑर्डर कम से कम 1 होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="42"/>
        <source>Local content is a whole percentage from 0 to 100.</source>
        <translation>स्थानीय सामग्री 0 से 100 के बीच पूर्ण प्रतिशत में होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="43"/>
        <source>Write district names separated by commas.</source>
        <translation>ज़िलों के नाम अल्पविराम (,) से अलग करके लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="44"/>
        <source>Write six-digit PIN codes separated by commas.</source>
        <translation>छह अंकों वाले पिन कोड अल्पविराम (,) से अलग करके लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="45"/>
        <source>Name at least one district or PIN code you deliver to.</source>
        <translation>कम से कम एक ऐसा ज़िला या पिन कोड लिखें जहाँ आप डिलीवरी करते हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="50"/>
        <source>This is too long.</source>
        <translation>यह बहुत लंबा है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="56"/>
        <source>%1 is required for this category.</source>
        <translation>इस श्रेणी के लिए %1 आवश्यक है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="58"/>
        <source>%1 must be a number.</source>
        <translation>%1 एक संख्या होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/listing_editor.py" line="60"/>
        <source>Choose one of: %1.</source>
        <translation>इनमें से एक चुनें: %1।</translation>
    </message>
</context>
<context>
    <name>ListingTableModel</name>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="196"/>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="196"/>
        <source>Brand</source>
        <translation>ब्रांड</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="196"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="197"/>
        <source>Seller class</source>
        <translation>विक्रेता श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="197"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_model.py" line="221"/>
        <source>Out of stock</source>
        <translation>स्टॉक समाप्त</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="130"/>
        <source>You are working offline: the marketplace cannot be reached. The catalogue is as of the last sync (%1); changes you make are kept on this computer and sent when the connection returns.</source>
        <translation>आप ऑफ़लाइन काम कर रहे हैं: मार्केटप्लेस से संपर्क नहीं हो पा रहा है। कैटलॉग पिछले सिंक (%1) के अनुसार है; आपके बदलाव इसी कंप्यूटर पर रखे जाते हैं और कनेक्शन लौटने पर भेज दिए जाएँगे।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="132"/>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133"/>
        <source>Try again</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136"/>
        <source>Your session has ended. Sign in again to sync; your changes are kept.</source>
        <translation>आपका सत्र समाप्त हो गया है। सिंक करने के लिए फिर से साइन इन करें; आपके बदलाव सुरक्षित हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>Sign in…</source>
        <translation>साइन इन करें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>GeM Desk — %1</source>
        <translation>GeM Desk — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>GeM Desk</source>
        <translation>GeM Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>My catalogue</source>
        <translation>मेरा कैटलॉग</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>Catalogue</source>
        <translation>कैटलॉग</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <source>Sync now</source>
        <translation>अभी सिंक करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>Send your changes and receive the marketplace’s (F5)</source>
        <translation>अपने बदलाव भेजें और मार्केटप्लेस के बदलाव प्राप्त करें (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159"/>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Settings…</source>
        <translation>सेटिंग्स…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>Settings (Ctrl+,)</source>
        <translation>सेटिंग्स (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>Sign out</source>
        <translation>साइन आउट करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Open the log folder</source>
        <translation>लॉग फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="17"/>
        <source>The server’s certificate is not trusted. If your office uses a proxy that inspects secure connections, ask IT for its certificate file and set it as the CA bundle in the settings.</source>
        <translation>सर्वर का प्रमाणपत्र विश्वसनीय नहीं है। यदि आपका कार्यालय ऐसी प्रॉक्सी का उपयोग करता है जो सुरक्षित कनेक्शनों की जाँच करती है, तो आईटी विभाग से उसकी प्रमाणपत्र फ़ाइल माँगें और सेटिंग्स में उसे CA बंडल के रूप में सेट करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="21"/>
        <source>The marketplace server at %1 cannot be reached. Check the network connection and the server address; your work is kept.</source>
        <translation>%1 पर मार्केटप्लेस सर्वर से संपर्क नहीं हो पा रहा है। नेटवर्क कनेक्शन और सर्वर का पता जाँचें; आपका काम सुरक्षित है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="24"/>
        <source>Your session has ended; please sign in again.</source>
        <translation>आपका सत्र समाप्त हो गया है; कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="27"/>
        <source>The user name or password is not right.</source>
        <translation>उपयोगकर्ता नाम या पासवर्ड सही नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="30"/>
        <source>Too many failed sign-ins for this account: try again in about %n minute(s).</source>
        <translation>इस खाते से बहुत बार साइन इन विफल हुआ: लगभग %n मिनट बाद फिर से प्रयास करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="34"/>
        <source>Enter your password.</source>
        <translation>अपना पासवर्ड लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="36"/>
        <source>%1 has changes on this computer that have not reached the marketplace yet. Sign in as %1 and sync first, so that nothing of theirs is lost.</source>
        <translation>इस कंप्यूटर पर %1 के ऐसे बदलाव हैं जो अभी तक मार्केटप्लेस तक नहीं पहुँचे हैं। पहले %1 के रूप में साइन इन करके सिंक करें, ताकि उनका कुछ भी न खोए।</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="38"/>
        <source>Unexpected problem: %1</source>
        <translation>अप्रत्याशित समस्या: %1</translation>
    </message>
</context>
<context>
    <name>MyCatalogue</name>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="181"/>
        <source>%n listing(s) shown</source>
        <translation>
            <numerusform>%n उत्पाद सूची दिखाई गई</numerusform>
            <numerusform>%n उत्पाद सूचियाँ दिखाई गईं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/my_catalogue.py" line="182"/>
        <source>%n with changes not yet accepted by the marketplace.</source>
        <translation>
            <numerusform>%n में ऐसे बदलाव हैं जिन्हें मार्केटप्लेस ने अभी स्वीकार नहीं किया है।</numerusform>
            <numerusform>%n में ऐसे बदलाव हैं जिन्हें मार्केटप्लेस ने अभी स्वीकार नहीं किया है।</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="219"/>
        <source>The marketplace did not accept your change: %1</source>
        <translation>मार्केटप्लेस ने आपका बदलाव स्वीकार नहीं किया: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="221"/>
        <source>Edit the listing to correct it, or discard your change to keep the marketplace’s version.</source>
        <translation>इसे ठीक करने के लिए उत्पाद सूची संपादित करें, या अपना बदलाव रद्द करके मार्केटप्लेस वाला संस्करण रखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="223"/>
        <source>This listing was also changed on the marketplace. Choose which values to keep.</source>
        <translation>यह उत्पाद सूची मार्केटप्लेस पर भी बदली गई है। चुनें कि कौन-से मान रखने हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="225"/>
        <source>Your change is saved on this computer and will be sent at the next sync.</source>
        <translation>आपका बदलाव इस कंप्यूटर पर सहेजा गया है और अगले सिंक में भेजा जाएगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="227"/>
        <source>Rejected by the marketplace: %1</source>
        <translation>मार्केटप्लेस द्वारा अस्वीकृत: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="252"/>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="259"/>
        <source>Retire listing</source>
        <translation>उत्पाद सूची वापस लें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="260"/>
        <source>Retire “%1”? Buyers will no longer see it. This cannot be undone.</source>
        <translation>“%1” वापस लें? क्रेता इसे फिर नहीं देख पाएँगे। यह कार्रवाई पलटी नहीं जा सकती।</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="284"/>
        <source>Discard your change</source>
        <translation>अपना बदलाव रद्द करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="285"/>
        <source>Discard your change to “%1” and keep the marketplace’s version?</source>
        <translation>“%1” में किया गया अपना बदलाव रद्द करके मार्केटप्लेस वाला संस्करण रखें?</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="293"/>
        <source>New listing</source>
        <translation>नई उत्पाद सूची</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="294"/>
        <source>Create a listing (Ctrl+N)</source>
        <translation>उत्पाद सूची बनाएँ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="295"/>
        <source>Edit</source>
        <translation>संपादित करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="296"/>
        <source>Retire</source>
        <translation>वापस लें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="297"/>
        <source>Settle conflict…</source>
        <translation>टकराव सुलझाएँ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="298"/>
        <source>Discard my change</source>
        <translation>मेरा बदलाव रद्द करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="299"/>
        <source>Show retired</source>
        <translation>वापस ली गई सूचियाँ दिखाएँ</translation>
    </message>
</context>
<context>
    <name>MyListingsModel</name>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="54"/>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="54"/>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="54"/>
        <source>Price</source>
        <translation>मूल्य</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="55"/>
        <source>Stock</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="55"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="55"/>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="59"/>
        <source>Conflict: choose the values to keep</source>
        <translation>टकराव: रखने के लिए मान चुनें</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="61"/>
        <source>Not accepted: %1</source>
        <translation>स्वीकार नहीं हुआ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="63"/>
        <source>Waiting to be sent</source>
        <translation>भेजे जाने की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="64"/>
        <source>Up to date</source>
        <translation>अद्यतित</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="68"/>
        <source>Retiring</source>
        <translation>वापस ली जा रही है</translation>
    </message>
    <message>
        <location filename="../../app/ui/my_catalogue.py" line="70"/>
        <source>New</source>
        <translation>नई</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="74"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>Server address</source>
        <translation>सर्वर का पता</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>Proxy</source>
        <translation>प्रॉक्सी</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>CA bundle</source>
        <translation>CA बंडल</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="76"/>
        <source>Sync every (minutes)</source>
        <translation>सिंक अंतराल (मिनट)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="76"/>
        <source>Data folder</source>
        <translation>डेटा फ़ोल्डर</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="79"/>
        <source>empty: the system&apos;s proxy settings</source>
        <translation>खाली होने पर: सिस्टम की प्रॉक्सी सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="80"/>
        <source>empty: the usual trusted certificates</source>
        <translation>खाली होने पर: सामान्य विश्वसनीय प्रमाणपत्र</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="81"/>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="82"/>
        <source>Open folder</source>
        <translation>फ़ोल्डर खोलें</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="83"/>
        <source>A new server address takes effect at the next sign-in. The data folder holds the catalogue cache and your unsent changes; your password is never stored there.</source>
        <translation>नया सर्वर पता अगली बार साइन इन करने पर लागू होगा। डेटा फ़ोल्डर में कैटलॉग कैश और आपके न भेजे गए बदलाव रहते हैं; आपका पासवर्ड वहाँ कभी नहीं रखा जाता।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="87"/>
        <source>Certificate file</source>
        <translation>प्रमाणपत्र फ़ाइल</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="88"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>प्रमाणपत्र (*.pem *.crt *.cer);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="95"/>
        <source>Server address: it must start with https:// (or http:// for a test server).</source>
        <translation>सर्वर का पता: यह https:// से शुरू होना चाहिए (परीक्षण सर्वर के लिए http://)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="98"/>
        <source>CA bundle: there is no file at %1.</source>
        <translation>CA बंडल: %1 पर कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="101"/>
        <source>Proxy: write it as http://host:port (https:// and socks5:// work too).</source>
        <translation>प्रॉक्सी: इसे http://host:port के रूप में लिखें (https:// और socks5:// भी चलते हैं)।</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="85"/>
        <source>Sign in to GeM Desk</source>
        <translation>GeM Desk में साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="86"/>
        <source>Sign in to the Government e-Marketplace</source>
        <translation>गवर्नमेंट ई-मार्केटप्लेस में साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="87"/>
        <source>Server address</source>
        <translation>सर्वर का पता</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="88"/>
        <source>User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="89"/>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="91"/>
        <source>Remember me on this computer</source>
        <translation>इस कंप्यूटर पर मुझे याद रखें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="93"/>
        <source>This computer has no secure password store (keyring), so GeM Desk will not remember your sign-in: you will be asked for your password each time it starts.</source>
        <translation>इस कंप्यूटर पर पासवर्ड सुरक्षित रखने की व्यवस्था (कीरिंग) नहीं है, इसलिए GeM Desk आपका साइन-इन याद नहीं रखेगा: हर बार शुरू होने पर आपसे पासवर्ड पूछा जाएगा।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="95"/>
        <source>Sign in</source>
        <translation>साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="102"/>
        <source>Enter the server address, for example https://gem.example.gov.in</source>
        <translation>सर्वर का पता लिखें, उदाहरण के लिए https://gem.example.gov.in</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="104"/>
        <source>The server address must start with https:// (or http:// for a test server).</source>
        <translation>सर्वर का पता https:// से शुरू होना चाहिए (परीक्षण सर्वर के लिए http://)।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="106"/>
        <source>Enter your user name.</source>
        <translation>अपना उपयोगकर्ता नाम लिखें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in_dialog.py" line="108"/>
        <source>Enter your password.</source>
        <translation>अपना पासवर्ड लिखें।</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="139"/>
        <location filename="../../app/ui/sync_controller.py" line="194"/>
        <source>Your session has ended; sign in again to sync.</source>
        <translation>आपका सत्र समाप्त हो गया है; सिंक करने के लिए फिर से साइन इन करें।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="142"/>
        <source>The marketplace cannot be reached; working offline. Your changes are kept.</source>
        <translation>मार्केटप्लेस से संपर्क नहीं हो पा रहा है; ऑफ़लाइन काम जारी है। आपके बदलाव सुरक्षित हैं।</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controller.py" line="147"/>
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
        <location filename="../../app/ui/status_bar.py" line="74"/>
        <source>Sending your changes (%1 of %2)</source>
        <translation>आपके बदलाव भेजे जा रहे हैं (%2 में से %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="74"/>
        <source>Receiving updates (%1)</source>
        <translation>अपडेट प्राप्त हो रहे हैं (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="75"/>
        <source>Checking the count (%1)</source>
        <translation>गिनती की जाँच (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="82"/>
        <source>Sync complete.</source>
        <translation>सिंक पूरा हुआ।</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="95"/>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="96"/>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="97"/>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="98"/>
        <source>Signed out</source>
        <translation>साइन आउट</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status_bar.py" line="103"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n बदलाव प्रतीक्षा में</numerusform>
            <numerusform>%n बदलाव प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n पर आपका ध्यान चाहिए</numerusform>
            <numerusform>%n पर आपका ध्यान चाहिए</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="108"/>
        <source>Last sync: %1</source>
        <translation>पिछला सिंक: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="108"/>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
</context>
</TS>
