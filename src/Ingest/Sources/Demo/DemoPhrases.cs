namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// The wording the simulator builds posts from, written for this project about a fictional airline. Slots in braces
/// are filled per post (<see cref="DemoWriter"/>): {at} the brand's handle, {brand} its name, {flight}, {city},
/// {city2}, {hours}, {mins}, {days}, {amount}, {points}, {crew}, {item}, {seat}, {gate}, {time}, {weekday},
/// {family}, {kid}; in bursts also {iflight}, {icity}, {icity2} (the incident's own flight and places).
/// </summary>
internal static class DemoPhrases
{
    public static readonly string[] Cities =
    [
        "Denver", "Austin", "Lisbon", "Chicago", "Boston", "Seattle", "Dublin", "Porto", "Madrid", "Toronto", "Atlanta",
        "Phoenix", "Newark", "Dallas", "Miami", "Reykjavik", "Frankfurt", "Mexico City", "Bogotá", "São Paulo",
        "Nairobi", "Accra", "Manila", "Montreal", "Vancouver", "Salt Lake City", "Nashville", "Orlando", "Raleigh",
        "Minneapolis", "Kansas City", "Portland", "San Diego", "Tampa", "Halifax", "Edinburgh", "Manchester", "Rome",
        "Barcelona", "Amsterdam",
    ];

    public static readonly string[] Crew =
    [
        "Priya", "Tomasz", "Keisha", "Ahmed", "Lucia", "Ben", "Mei", "Oluwaseun", "Sven", "Rosa", "Dmitri", "Aisha",
        "Marco", "Hannah", "Kenji", "Fatima", "Diego", "Ingrid", "Samuel", "Noor", "Gabriel", "Yuki", "Carmen", "Idris",
    ];

    public static readonly string[] Items =
    [
        "guitar", "car seat", "stroller", "suitcase", "wedding dress bag", "bike box", "cello case", "golf bag",
        "laptop bag", "insulin cooler", "ski bag", "dive gear bag", "garment bag", "camera case", "wheelchair",
    ];

    public static readonly string[] Family =
    [
        "my mum", "my dad", "my grandmother", "my grandfather", "my son", "my daughter", "my wife", "my husband",
        "my partner", "my sister", "my brother", "my elderly neighbour",
    ];

    public static readonly string[] Kids = ["my 6-year-old", "my 8-year-old", "my toddler", "my 11-year-old", "my 9-year-old", "my baby", "my teenager"];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Hashtags = ["#travel", "#delayed", "#customerservice", "#airtravel", "#frequentflyer", "#travelfail", "#flying", "#acmeair"];

    /// <summary>Marks the opener that puts the handle at the end of the post instead of the start.</summary>
    public const string HandleLast = "$last";

    /// <summary>Openers of posts whose phrase does not name the brand itself; as many as <see cref="Prefixes"/>.</summary>
    public static readonly string[] Openers =
    [
        "{at} ", "Hi {at}, ", "Hello {at}, ", "Hi {at} team, ", "Dear {at}, ", "{at} hi, ", "Hey {at}, ", "{at} so ", ".{at} ",
        "Yo {at}, ", HandleLast, "{at} um, ", "Morning {at}, ", "Excuse me {at}, ", "Oi {at}, ",
    ];

    /// <summary>
    /// Short lead-ins before posts whose phrase already names the brand; with the five ways of writing the brand
    /// (<see cref="DemoWriter.BrandForms"/>) there are as many wrappings as <see cref="Openers"/>.
    /// </summary>
    public static readonly string[] ComplaintLeadIns = ["", "Ugh. ", "Hey "];

    public static readonly string[] QuestionLeadIns = ["", "Hi ", "Hey "];

    public static readonly string[] NeutralLeadIns = ["", "So. ", "Ok. "];

    public static readonly string[] PraiseOpeners =
    [
        "{at} ", "Shout out to {at}: ", "Credit to {at}, ", "Thank you {at}! ", "Okay {at}, ", "Big thanks {at}, ", "Honestly {at}, ",
        HandleLast, "Hey {at}, ", "{at} just wanted to say: ", "Kudos {at}, ", "Wow {at}, ", "Nice one {at}, ", "Hats off to {at}: ",
        "{at} thank you, ",
    ];

    /// <summary>Endings that add a mood without a sentence; most posts end plainly or with one of these.</summary>
    public static readonly string[] ComplaintLights =
    [
        "", " 😩", " 😤", " 🙄", " 😡", " 🤦", " smh", " ugh", " pls", " !!", " 😞", " 💀", " 😑", " 🥲", " again", " 😫", " sigh",
        " seriously", " come on", " 🤬",
    ];

    public static readonly string[] QuestionLights = ["", " 🙏", " Thanks!", " Thank you.", " Anyone know?", " Cheers", " Thx", " ty", " 🤔", " Help!", " please", " asap"];

    public static readonly string[] PraiseLights = ["", " ✈️", " 👏", " ❤️", " 10/10.", " Thank you!", " 🙌", " Well done.", " Made my day.", " 😊", " 💙", " 🥹", " Legends."];

    public static readonly string[] NeutralLights = ["", " ✈️", " ☕", " 🌅", " 🙂", " 🧳", " 😴", " 🌍", " 🎧", " 📚", " 🥐", " 🙃"];

    public static readonly string[] PoliteClosers = [" Thanks in advance.", " Thank you!", " Any help appreciated.", " Could someone look into this please?", " Cheers.", " Thanks for any help."];

    public static readonly string[] AngryClosers = [" Absolutely ridiculous.", " Sort it out.", " This is a joke.", " Unacceptable.", " Fuming.", " Do better.", " Embarrassing.", " What a shambles."];

    public static readonly string[] SarcasticClosers = [" Great job, really.", " 10/10 experience.", " Truly world class.", " Living the dream.", " 🙃", " Love that for me.", " Peak customer care."];

    public static readonly string[] Complaints =
    [
        "{flight} to {city} delayed {hours} hours and counting, and the gate screen still says on time.",
        "my bag was meant to land in {city} with me on {weekday}. It's been {days} days and the tracker just says 'located'.",
        "{mins} minutes on hold and the call dropped. Calling back now. Again.",
        "you charged my card twice for the same seat upgrade on {flight}. Who do I talk to about getting ${amount} back?",
        "applied for a refund for my cancelled {city} flight {days} weeks ago. Still nothing, and the form just loops.",
        "the app logged me out mid check-in and now says my booking doesn't exist. Flight is at {time}.",
        "paid extra for seat {seat} and got moved to a middle seat at the back with no explanation.",
        "my {item} came off the belt in {city} with a cracked shell and a wheel missing.",
        "missed my connection in {city} because {flight} sat on the tarmac for {mins} minutes. Next flight is tomorrow.",
        "booked wheelchair assistance for {family} in {city} and nobody came. We waited {mins} minutes at the gate.",
        "the Wi-Fi I paid ${amount} for on {flight} worked for about ten minutes.",
        "bumped off {flight} to {city} even though we checked in {hours} hours early.",
        "gate changed three times at {city} and nobody announced it. Watched the plane leave.",
        "why does changing a name typo on my ticket cost ${amount}? It's one letter.",
        "the chat agent closed my conversation while I was typing my booking reference.",
        "{points} Rewards points disappeared from my account after the last update.",
        "no vegetarian meal on a {hours} hour flight even though it's on my booking.",
        "your 'flexible' fare turned out to cost ${amount} to change by one day.",
        "{flight} was cancelled at {time} with a text message. Hotel voucher desk in {city} is closed.",
        "third email about my lost {item}, third copy-paste reply asking for the same reference number.",
        "the cabin on {flight} was filthy. Crumbs everywhere and a sticky tray table at seat {seat}.",
        "you sold {family} a ticket, then told us at the gate the flight was oversold.",
        "waited {mins} minutes at baggage claim in {city} for the belt to start.",
        "online check-in keeps saying 'error 500' for {flight}. Queue at the desk is enormous.",
        "my travel credit expired while I was still waiting for you to answer about it.",
        "paid for priority boarding and boarded with the last group on {flight}.",
        "landed in {city} {hours} hours late, no explanation, no apology, nothing.",
        "the agent in {city} told us to 'just book another airline' when we asked about rebooking.",
        "been trying to add {kid} to my booking for {days} days. Website errors every single time.",
        "told my {item} would be on the next flight to {city}. That was {days} days ago.",
        "the lounge in {city} turned us away with valid passes because it was 'too busy'.",
        "cancelled {flight} and rebooked me via {city2} with a 9 hour layover without asking.",
        "charged me ${amount} for a carry-on that fit in the sizer. The staff member didn't even check.",
        "your hold music and I have spent {hours} hours together this week.",
        "the voucher you gave me for the delay can't be used on any flight I can actually book.",
        "my upgrade was confirmed by email and then quietly removed at the gate in {city}.",
        "{flight} boarded, then deplaned, then boarded again. {hours} hours in and still at the gate in {city}.",
        "nobody at the desk in {city} could tell us where our bags were. We have {kid} with no change of clothes.",
        "your app shows {flight} departed. We are sitting on it, at the gate.",
        "the seat {seat} armrest is broken and the crew said to 'make do' for {hours} hours.",
    ];

    public static readonly string[] SarcasticComplaints =
    [
        "Love how {at} can find me at {time} to sell an upgrade but can't find my bag for {days} days.",
        "Shout out to {at} for turning a {hours} hour trip into a {days} day adventure. 🙃",
        "Nothing says premium like {mins} minutes on hold with {at} listening to the same four bars of jazz.",
        "Thanks {at} for the surprise overnight stay in {city}. Really wanted to see the airport carpet up close.",
        "Wow {at}, {flight} only {hours} hours late today. Personal best?",
        "Great to see {at} charging ${amount} for a bag they then send to {city2} instead of {city}.",
        "Incredible work {at}, the app crashed at the exact moment boarding opened. Again.",
        "{at} the 'estimated' in estimated departure is doing a lot of work today on {flight}.",
    ];

    public static readonly string[] TerseComplaints =
    [
        "{at} {flight} delayed. Again. {hours}h.",
        "{at} still no bag. Day {days}.",
        "{at} app down. Can't check in. {flight} leaves at {time}.",
        "{at} on hold {mins} min. Nobody.",
        "{at} refund please. {days} weeks.",
        "{at} seat {seat} broken. {hours}h flight.",
        "{at} {city} desk closed. {flight} cancelled. Now what",
    ];

    public static readonly string[] NonNativeComplaints =
    [
        "{at} please help, my luggage is not arrive since {days} days, flight {flight} from {city}. Nobody answer the phone.",
        "{at} hello, I am waiting the refund since {days} weeks, I send many emails and nobody reply me.",
        "{at} why you cancel my flight and not give me other one? I am in {city} with {kid}, we sleep where?",
        "{at} the lady on the desk was speak very bad with my mother, she is old and not understand English good.",
        "{at} I make the check in but app say error, now the queue is very long and I lose the flight maybe.",
        "{at} my {item} is arrive broken, who pay this? I try the form but it not accept my booking number.",
    ];

    public static readonly string[] Severe =
    [
        "{at} you have until Friday to refund the ${amount} or I'm filing in small claims court. I have every email.",
        "{at} my lawyer will be in touch about the {flight} cancellation. Three weeks of being ignored is enough.",
        "{at} I've started a chargeback for the ${amount} and reported you to the consumer regulator.",
        "{at} filed a formal complaint with the DOT about {flight}. Two days stranded in {city} and no help at all.",
        "{at} there was smoke coming from the overhead panel on {flight} and the crew told us it was 'normal'. It did not look normal.",
        "{at} told the crew three times about {family}'s nut allergy and they served peanuts to the whole row. We ended up in hospital in {city}.",
        "{at} the cabin on {flight} smelled strongly of fuel the whole way to {city}. Nobody could tell us why. Is that safe?",
        "{at} the gate agent in {city} singled out my family and made racist comments in front of everyone. I want a response from someone senior.",
        "{at} {family} uses a wheelchair and your staff in {city} treated her like luggage, then laughed at us. This is discrimination.",
        "{at} your agent profiled my brother and pulled only him aside at {city}. Explain that.",
        "{at} I've sent the whole thread about {flight} to a journalist at the local paper. Maybe they'll get an answer.",
        "{at} a reporter asked me about the {city} strandings today. Happy to tell them how you've handled it so far.",
        "{at} cancelling my Rewards card and moving to a competitor. {points} points and this is how you treat people. Done with {brand}.",
        "{at} after twelve years I'm done with {brand}. Never flying with you again after {flight}.",
        "{at} this is a scam. You took ${amount} for a 'refundable' fare and now say it's credit only. That's fraud.",
        "{at} the crew on {flight} yelled at {family} for asking for water. Unprofessional and frankly cruel. I want names.",
    ];

    /// <summary>Complaints told as a story, the kind strangers repost: the ones the simulator lets catch fire.</summary>
    public static readonly string[] Stories =
    [
        "{at} broke {family}'s wheelchair on {flight} and the desk in {city} told us to 'fill in a form online'. She can't leave the airport.",
        "{at} cancelled my flight to my dad's funeral in {city} and offered me a ${amount} voucher. I'll miss it.",
        "{at} left {kid}, travelling with your paid escort service, alone at a gate in {city} for {hours} hours. Nobody called us.",
        "{at} made a pregnant woman stand for the whole {hours} hour delay at {city} while staff sat in the empty priority lounge.",
        "{at} your baggage team in {city} crushed my {item}. I watched it happen through the window. The claim desk laughed.",
        "{at} lost the bag with {family}'s medication and said it's 'not a priority'. We are in {city} for {days} days.",
        "{at} my grandmother is 91, flew alone to {city} and you left her in a wheelchair at the wrong gate for {hours} hours.",
        "{at} charged a soldier coming home ${amount} for a second bag at {city}. Then made him pay again at the gate.",
        "{at} bumped {kid} and me off {flight} so a crew member could fly. We had a connecting flight to a hospital appointment.",
        "{at} my service dog has flown with me 40 times. Today in {city} your agent refused us and called her a 'pet'.",
        "{at} we saved two years for this honeymoon. You cancelled {flight}, kept the money and now offer credit only.",
        "{at} the staff in {city} threw away {kid}'s birthday cake at security after we were told it was fine to carry on.",
    ];

    public static readonly string[] Questions =
    [
        "does {brand} let you bring a folding bike as checked luggage? The site is unclear.",
        "what's the cabin bag size on {flight}? The website and the app say different things.",
        "how early does check-in open for international flights from {city}?",
        "can I bring {kid}'s car seat on board or does it have to go in the hold?",
        "is there a way to pick seats together for a family of four without paying for each one?",
        "do Rewards points expire if I don't fly for a year?",
        "can I change the name on a ticket for {family}? They can't travel anymore.",
        "is the lounge in {city} open for early departures? My flight is at {time}.",
        "my refund says 'processing' for {days} days. Is that normal?",
        "what's the policy on flying with a guitar in the cabin?",
        "do I need a transit visa for a connection in {city2}?",
        "can I add a special meal to my booking after I've checked in?",
        "is {flight} on time today? The app isn't loading for me.",
        "how do I request wheelchair assistance for {family} flying from {city}?",
        "can I use travel credit to pay for someone else's ticket?",
        "is Wi-Fi free on the {city} route or do I need to buy a pass?",
        "what's the fee for skis as checked baggage to {city}?",
        "if my connection in {city} is under an hour, will my bag make it?",
        "can {kid} fly alone to {city}? What's the minimum age?",
        "can I bring a small dog in the cabin on the {city} flight?",
        "my booking shows two different departure times for {flight}. Which one is right?",
        "how do I get a receipt for the seat upgrade I bought?",
        "is there a cutoff for adding checked bags online?",
        "do you match the price if the fare drops after I book?",
        "where do I find my booking reference if I booked through a travel agent?",
        "can I carry a power bank in my hand luggage on {flight}?",
        "are there any direct flights from {city} to {city2} this winter?",
        "how long does it take for points from a partner flight to show up?",
    ];

    public static readonly string[] NonNativeQuestions =
    [
        "{at} hello, please, how many kilos I can take in the bag for the flight to {city}?",
        "{at} is possible to change the date of my ticket without pay more? I book last {weekday}.",
        "{at} good morning, I need know if {kid} need passport or only ID for {city2}.",
        "{at} sorry for ask, where I find the gate for {flight}? The screen not show it.",
    ];

    public static readonly string[] Neutral =
    [
        "Boarding {flight} to {city}. See you on the other side.",
        "First time flying {brand}, {city} to {city2} next month. Any tips?",
        "{brand} is adding a new route to {city} from spring, according to their newsletter.",
        "Sitting at gate {gate} in {city} waiting for {flight}. Coffee number two.",
        "Anyone else on the {time} {brand} flight to {city} tomorrow?",
        "Comparing {brand} and two others for {city} in {weekday}'s sale. Prices are all over the place.",
        "Window seat on {brand} over {city} at sunset. That's all.",
        "Just landed in {city} on {brand}. Onward by train.",
        "{brand} changed their app icon again, took me a minute to find it.",
        "Booked {city} for {family}'s birthday trip, flying {brand}.",
        "Reading that {brand} will retire their oldest planes next year.",
        "Does {brand} still do the little biscuits? Asking for {family}.",
        "Heading home from {city}. Long day, {brand} flight at {time}.",
        "Three airports, two flights, one {brand} mug. Travel day.",
        "Watching the {brand} planes taxi from the terrace at {city}. Very calming.",
        "Points balance check: enough for one {brand} flight to {city}, apparently.",
        "Packed in {mins} minutes for a 5-day trip to {city}. New record.",
        "Flight mode on. {city} to {city2} with {brand}.",
        "Two {brand} flights this week, {city} and then {city2}. Living out of a carry-on.",
        "Someone at gate {gate} in {city} is playing the ukulele while we wait for {brand} to board.",
        "Does anyone know if {brand} flies to {city2} in the summer, or only from {city}?",
        "{brand}'s new seats on the {city} route look thinner. Will report back.",
        "Taking {kid} on their first {brand} flight tomorrow, {city} to {city2}. Wish us luck.",
        "Finally used my {brand} points: {city} in {weekday}'s sale.",
        "The {brand} safety video has a new song and I can't get it out of my head.",
        "Sunrise over {city} from seat {seat}. Thanks for the window, {brand}.",
        "Ranking airport coffee on my {city} to {city2} trip. {brand} lounge is a solid 6.",
        "Airport bingo at {city}: delayed board, long queue, {brand} crew walking fast. Full house.",
    ];

    public static readonly string[] Praise =
    [
        "crew on the {city} to {city2} flight were brilliant with {kid}. Thank you, genuinely.",
        "{crew} at the {city} desk rebooked us in five minutes after the cancellation. Absolute star.",
        "found my lost {item} and delivered it to the hotel the same night. Impressed.",
        "pilot on {flight} explained the delay clearly and kept us updated every 20 minutes. More of this please.",
        "landed in {city} {mins} minutes early. Not complaining!",
        "{crew} on {flight} noticed {family} was nervous and checked on her the whole way. Thank you.",
        "chat support sorted my refund in under ten minutes. Didn't expect that.",
        "the upgrade to seat {seat} was a lovely surprise. Best sleep I've had on a plane.",
        "thanks for holding the connection in {city} for the six of us. We made it.",
        "smoothest boarding I've seen in years at {city}. Whoever organised gate {gate}, well done.",
        "the new app actually works. Checked in, bag tag, boarding pass in two minutes.",
        "huge thanks to {crew} for finding {kid}'s toy under seat {seat} after landing. Crisis averted.",
        "wheelchair assistance for {family} in {city} was on time and so kind. Thank you.",
        "honestly the best economy meal I've had, on {flight} of all places.",
        "lost my phone on {flight}, your team in {city} had it waiting at the desk the next morning.",
        "{crew} handled an unwell passenger on {flight} calmly and quickly. Credit where it's due.",
        "got a proactive rebooking text before I even knew {flight} was delayed. Very helpful.",
        "flew {city} to {city2} with {kid} and the crew made it easy. Thank you {crew}!",
        "{crew} at the {city} lounge remembered my name from last month. Small thing, big difference.",
        "rebooked me onto an earlier flight to {city} without me asking when {flight} slipped. Appreciated.",
        "refund for the cancelled {city} trip landed in {days} days, exactly as promised.",
        "the crew on {flight} sang happy birthday to {family}. She's still smiling.",
        "your agent {crew} stayed on the phone for {mins} minutes until our new booking was confirmed.",
        "the captain on {flight} walked the cabin during the delay at {city} and answered every question. Class.",
        "my {item} arrived in {city} in perfect shape. First time in years!",
        "on-time departure, friendly crew, and the Wi-Fi worked on {flight}. Is this a dream?",
        "thanks to {crew} at gate {gate} for finding us seats together with {kid}.",
        "the fast track at {city} actually was fast. {mins} minutes kerb to gate.",
    ];

    public static readonly (string Language, DemoKind Kind, string Text)[] Foreign =
    [
        ("es", DemoKind.Complaint, "{at} mi vuelo {flight} a {city} lleva {hours} horas de retraso y nadie nos informa de nada."),
        ("es", DemoKind.Complaint, "{at} hace {days} días que espero mi maleta del {flight} en {city}. ¿Alguien me puede ayudar?"),
        ("es", DemoKind.Question, "{at} ¿se puede llevar una silla de bebé como equipaje de mano? Viajo a {city} en el {flight}."),
        ("es", DemoKind.Praise, "{at} gracias a {crew} por ayudarnos en {city} con el vuelo {flight}, un trato excelente."),
        ("pt", DemoKind.Complaint, "{at} minha mala do voo {flight} não chegou em {city} e ninguém atende o telefone há {days} dias."),
        ("pt", DemoKind.Question, "{at} qual é o peso máximo da bagagem de mão no voo {flight}?"),
        ("pt", DemoKind.Praise, "{at} obrigado pela tripulação do voo {flight} para {city}, foram muito atenciosos."),
        ("fr", DemoKind.Complaint, "{at} vol {flight} annulé, aucune information à {city} et le guichet est fermé."),
        ("fr", DemoKind.Question, "{at} bonjour, peut-on changer la date du vol {flight} pour {city2} sans frais ?"),
        ("fr", DemoKind.Praise, "{at} merci à l'équipage du vol {flight} vers {city}, très professionnels."),
        ("de", DemoKind.Complaint, "{at} seit {mins} Minuten in der Warteschleife, niemand geht ran. Flug {flight} morgen früh."),
        ("de", DemoKind.Question, "{at} darf ich mein Fahrrad auf Flug {flight} nach {city} als Gepäck mitnehmen?"),
        ("de", DemoKind.Praise, "{at} danke an {crew} in {city}, super freundlich und schnell. Flug {flight} war top."),
    ];

    /// <summary>What an incident burst is about; each has its own wording, filled with the incident's flight and places.</summary>
    public static readonly (string Incident, string[] Texts)[] Incidents =
    [
        ("app outage", [
            "{at} app and website both down, can't check in for {iflight}. Desk queue in {icity} is out the door.",
            "{at} is the app down for everyone? Boarding pass for {iflight} won't load and I board in {mins} minutes.",
            "{at} your whole booking system is down and the desk in {icity} is writing boarding passes by hand.",
            "{at} website error for the last hour, can't manage my {iflight} booking, can't reach anyone by phone either.",
            "{at} app says 'something went wrong' on every screen. {hours} hours before {iflight} and no way to check in.",
            "{at} 40 people in front of me at the {icity} desk because the app is down. Going to miss {iflight}.",
            "Is {brand} down? Nothing loads at {icity} airport, phone line says 'high call volumes'. {mins} min and counting.",
            "{at} outage or not, someone should tell the people in the {icity} queue what's going on.",
            "{at} kiosk, app and website all dead. Staff at {icity} say they know nothing.",
            "{at} paid for seat {seat} on {iflight} and now the system is down and they're reassigning seats at random.",
        ]),
        ("cancelled flight", [
            "{at} {iflight} {icity} to {icity2} cancelled at the gate. 180 people, one agent, no hotel.",
            "{at} cancelled {iflight} with no warning and the rebooking is {days} days out. Not acceptable.",
            "{at} stuck in {icity} after {iflight} was cancelled. No vouchers, no info, {kid} asleep on the floor.",
            "{at} the line for rebooking after {iflight} got cancelled has not moved in {mins} minutes.",
            "{at} how is {iflight} cancelled when the plane is sitting right there at the gate in {icity}?",
            "{at} {iflight} cancelled, phone line closed, app says 'contact us'. Contact who?",
            "Everyone from {iflight} is sleeping in {icity} airport tonight thanks to {brand}.",
            "{at} cancelled {iflight} and the next seat to {icity2} you can offer is {weekday}. I have work.",
            "{at} {iflight}: boarded, deplaned, cancelled. {hours} hours of our lives in {icity}.",
            "{at} we were on {iflight} to {icity2}. Please just tell us if there's a hotel or not.",
        ]),
        ("baggage failure", [
            "{at} baggage system down at {icity}, nobody's bags came off {iflight}. We've been waiting {mins} minutes.",
            "{at} landed in {icity} on {iflight}, no bags for anyone, no staff at the baggage desk.",
            "{at} hundreds of us at the belt in {icity} and not one bag off {iflight}. What is happening?",
            "{at} told the bags from {iflight} are 'still in {icity2}'. All of them?",
            "{at} the queue for the lost bag desk in {icity} is longer than the flight was.",
            "{at} {hours} hours at {icity} baggage claim. Staff just shrug. {kid} is exhausted.",
            "Whole of {iflight} standing at an empty carousel in {icity}. Thanks {brand}.",
            "{at} my {item} and everyone else's is somewhere between {icity2} and {icity}. Any update?",
            "{at} your baggage system failure in {icity} has left us with nothing but what we're wearing.",
        ]),
        ("tarmac delay", [
            "{at} {hours} hours sitting on {iflight} on the tarmac at {icity}. No water, no updates.",
            "{at} still on {iflight} at {icity}. Toilets are out of order and the air is off.",
            "{at} {iflight} has been on the taxiway for {mins} minutes. Captain says 'waiting for a gate'.",
            "{at} we've been stuck on {iflight} at {icity} so long {kid} has finished every snack we own.",
            "{at} let us off the plane. {hours} hours on {iflight} at {icity} is not a delay, it's a hostage situation.",
            "Day in the life: {hours} hours on a {brand} plane that has not left {icity}.",
            "{at} seat {seat}, {iflight}, still at {icity}. Crew are lovely but nobody knows anything.",
            "{at} the plane is hot and we have been on it for {mins} minutes at {icity}. Please do something.",
        ]),
    ];

    public static readonly string[] FirstNames =
    [
        "Marta", "João", "Ben", "Lisa", "Sam", "Chloe", "Raj", "Emeka", "Sofia", "Liam", "Aroha", "Wei", "Fatou", "Mateo",
        "Hannah", "Omar", "Ines", "Tariq", "Grace", "Kwame", "Elif", "Noah", "Ana", "Jonas", "Mariam", "Diego", "Yara",
        "Tom", "Nadia", "Luca", "Amara", "Kai", "Priyanka", "Sean", "Leila", "Viktor", "Zoe", "Hiro", "Camila", "Dev",
        "Rachel", "Pedro", "Sinead", "Andre", "Mina", "Jake", "Ayesha", "Bruno", "Tessa", "Kofi", "Julia", "Arjun",
        "Megan", "Rafael", "Ngozi", "Erik", "Lena", "Marcus", "Ruth", "Adil",
    ];

    public static readonly string[] LastNames =
    [
        "Kowalski", "Okafor", "Silva", "Nguyen", "Murphy", "Haddad", "Patel", "Schmidt", "Mensah", "Garcia", "Walsh",
        "Tanaka", "Rossi", "Johansson", "Adeyemi", "Costa", "Chen", "Brennan", "Moreau", "Yilmaz", "Novak", "Dubois",
        "Ramirez", "Kim", "Osei", "Fischer", "Santos", "Ali", "Larsen", "Hughes", "Ivanova", "Mbeki", "Park", "Reyes",
        "Kaur", "Lindqvist", "O'Neill", "Farah", "Bianchi", "Sato", "Alvarez", "Nowak", "Baptiste", "Hassan", "Clarke",
    ];

    public static readonly string[] HandleStyles =
    [
        "{first}_{last}", "{first}{n2}", "{first}.{last}", "the{first}", "{last}travels", "{first}flies", "{f}{last}",
        "{first}_{n3}", "{first}{last}", "{first}_on_the_road", "not{first}", "{first}writes", "{last}_{f}", "{first}x{n2}",
    ];
}
