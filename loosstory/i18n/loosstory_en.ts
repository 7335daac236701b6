<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutScreen</name>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retour à l’écran précédent</source>
        <translation>Back to the previous screen</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Crédits, sources, images, polices et version</source>
        <translation>Credits, sources, images, fonts and version</translation>
    </message>
    <message>
        <source>L’exposition</source>
        <translation>The exhibition</translation>
    </message>
    <message>
        <source>%1&#xa0;: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>Les sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Les faits de l’exposition viennent de %1 sources publiques. Chacune est citée, avec son adresse, sur la page «&#xa0;Sources&#xa0;» à la fin de son chapitre.</source>
        <translation>The facts in this exhibition come from %1 public sources. Each one is cited, with its address, on the “Sources” page at the end of its chapter.</translation>
    </message>
    <message>
        <source>Les images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>%1&#xa0;: %2 image(s)</source>
        <translation>%1: %2 image(s)</translation>
    </message>
    <message>
        <source>Les polices de caractères</source>
        <translation>Typefaces</translation>
    </message>
    <message>
        <source>titres</source>
        <translation>headings</translation>
    </message>
    <message>
        <source>texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Application loosstory %1, logiciel libre sous licence MIT&#xa0;; Qt et PySide6 %2 sous licence LGPL-3.0.</source>
        <translation>loosstory %1, free software under the MIT licence; Qt and PySide6 %2 under the LGPL-3.0 licence.</translation>
    </message>
    <message>
        <source>Contenu «&#xa0;%1&#xa0;»</source>
        <translation>Content “%1”</translation>
    </message>
    <message>
        <source>, édition %1</source>
        <translation>, edition %1</translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Touchez l&apos;écran pour commencer</source>
        <translation>Touch the screen to begin</translation>
    </message>
    <message>
        <source>L&apos;exposition revient dans un instant</source>
        <translation>The exhibition will be back in a moment</translation>
    </message>
    <message>
        <source>Une exposition à parcourir</source>
        <translation>An exhibition to explore</translation>
    </message>
    <message>
        <source>Chapitre %1</source>
        <translation>Chapter %1</translation>
    </message>
</context>
<context>
    <name>ChapterBand</name>
    <message>
        <source>Chapitre %1 · %2</source>
        <translation>Chapter %1 · %2</translation>
    </message>
    <message>
        <source>Page en français</source>
        <translation>Page in French (not yet translated)</translation>
    </message>
    <message>
        <source>Page %1 sur %2 du chapitre</source>
        <translation>Page %1 of %2 in this chapter</translation>
    </message>
</context>
<context>
    <name>ChapterCard</name>
    <message>
        <source>Chapitre %1 : %2</source>
        <translation>Chapter %1: %2</translation>
    </message>
    <message>
        <source>Chapitre %1</source>
        <translation>Chapter %1</translation>
    </message>
</context>
<context>
    <name>CoverScreen</name>
    <message>
        <source>Une exposition à parcourir</source>
        <translation>An exhibition to explore</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>Commencer la visite</source>
        <translation>Begin the visit</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Voir le sommaire des chapitres</source>
        <translation>See the list of chapters</translation>
    </message>
    <message>
        <source>Crédit de l&apos;image : %1</source>
        <translation>Image credit: %1</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Fermer ✕</source>
        <translation>Close ✕</translation>
    </message>
    <message>
        <source>Fermer le panneau</source>
        <translation>Close the panel</translation>
    </message>
    <message>
        <source>Voir aussi</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>Voir aussi : %1</source>
        <translation>See also: %1</translation>
    </message>
</context>
<context>
    <name>EndingScreen</name>
    <message>
        <source>Recommencer</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>Recommencer la visite au premier chapitre</source>
        <translation>Start the visit again from the first chapter</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour au sommaire</source>
        <translation>Back to the contents</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Merci de votre visite</source>
        <translation>Thank you for your visit</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
    <message>
        <source>Les chapitres de l’exposition</source>
        <translation>The chapters of the exhibition</translation>
    </message>
    <message>
        <source>Vous avez parcouru les %1 chapitres de l’exposition&#xa0;:</source>
        <translation>You have explored all %1 chapters of the exhibition:</translation>
    </message>
    <message>
        <source>Vous avez parcouru %2 chapitre(s) sur %1&#xa0;:</source>
        <translation>You have explored %2 of %1 chapters:</translation>
    </message>
    <message>
        <source>Les %1 chapitres de l’exposition&#xa0;:</source>
        <translation>The %1 chapters of the exhibition:</translation>
    </message>
    <message>
        <source>vu</source>
        <translation>seen</translation>
    </message>
    <message>
        <source>à découvrir</source>
        <translation>still to discover</translation>
    </message>
    <message>
        <source>Touchez « Recommencer » pour revoir l’histoire depuis le début, ou « Sommaire » pour choisir un chapitre.</source>
        <translation>Touch “Start again” to see the story from the beginning, or “Contents” to choose a chapter.</translation>
    </message>
</context>
<context>
    <name>FigureWidget</name>
    <message>
        <source>Légende : %1</source>
        <translation>Caption: %1</translation>
    </message>
    <message>
        <source>Crédit : %1</source>
        <translation>Credit: %1</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Temps restant</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Vous êtes toujours là&#xa0;?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Sinon, l’histoire reprendra depuis le début.</source>
        <translation>If not, the story will start again from the beginning.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Continuer la visite</source>
        <translation>Continue the visit</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>PageScreen</name>
    <message>
        <source>Texte de la page</source>
        <translation>Page text</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour au sommaire</source>
        <translation>Back to the contents</translation>
    </message>
    <message>
        <source>‹  Précédent</source>
        <translation>‹  Previous</translation>
    </message>
    <message>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Suivant  ›</source>
        <translation>Next  ›</translation>
    </message>
    <message>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Étape %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message>
        <source>Chapitre suivant : %1</source>
        <translation>Next chapter: %1</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
</context>
<context>
    <name>PathProgress</name>
    <message>
        <source>Parcours : étape %1 sur %2</source>
        <translation>Route: step %1 of %2</translation>
    </message>
</context>
<context>
    <name>ProblemItem</name>
    <message>
        <source>(contenu)</source>
        <translation>(content)</translation>
    </message>
    <message>
        <source>%1, ligne %2</source>
        <translation>%1, line %2</translation>
    </message>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>ProblemsScreen</name>
    <message>
        <source>Le contenu contient 1 erreur</source>
        <translation>The content has 1 error</translation>
    </message>
    <message>
        <source>Le contenu contient %1 erreurs</source>
        <translation>The content has %1 errors</translation>
    </message>
    <message>
        <source>Le contenu ne peut pas être affiché</source>
        <translation>The content cannot be shown</translation>
    </message>
    <message>
        <source>L&apos;histoire ne peut pas être présentée tant que ces erreurs ne sont pas corrigées. Chaque erreur indique le fichier et la ligne à modifier dans le dossier du contenu.</source>
        <translation>The story cannot be shown until these errors are fixed. Each error gives the file and the line to change in the content folder.</translation>
    </message>
    <message>
        <source>Liste des erreurs du contenu</source>
        <translation>List of the content’s errors</translation>
    </message>
</context>
<context>
    <name>ProgressDots</name>
    <message>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>Couverture</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Page du chapitre</source>
        <translation>Chapter page</translation>
    </message>
    <message>
        <source>Erreurs du contenu</source>
        <translation>Content errors</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Loos-en-Gohelle — loosstory</source>
        <translation>Loos-en-Gohelle — loosstory</translation>
    </message>
</context>
<context>
    <name>SchematicView</name>
    <message>
        <source>Pilier %1 sur %2</source>
        <translation>Pillar %1 of %2</translation>
    </message>
    <message>
        <source>Le toit : ce que cela produit</source>
        <translation>The roof: what it produces</translation>
    </message>
    <message>
        <source>fondations</source>
        <translation>foundations</translation>
    </message>
    <message>
        <source>pilier</source>
        <translation>pillar</translation>
    </message>
    <message>
        <source>toit</source>
        <translation>roof</translation>
    </message>
</context>
<context>
    <name>SommaireScreen</name>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Commencer la visite</source>
        <translation>Begin the visit</translation>
    </message>
    <message>
        <source>Commencer la visite au premier chapitre</source>
        <translation>Begin the visit at the first chapter</translation>
    </message>
    <message>
        <source>Chapitres</source>
        <translation>Chapters</translation>
    </message>
</context>
<context>
    <name>TimelineHeader</name>
    <message>
        <source>◀  Plus tôt</source>
        <translation>◀  Earlier</translation>
    </message>
    <message>
        <source>Plus tard  ▶</source>
        <translation>Later  ▶</translation>
    </message>
    <message>
        <source>Remonter le temps</source>
        <translation>Go back in time</translation>
    </message>
    <message>
        <source>Avancer dans le temps</source>
        <translation>Go forward in time</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Sources : %1</source>
        <translation>Sources: %1</translation>
    </message>
</context>
<context>
    <name>ViewLinks</name>
    <message>
        <source>Chapitre « %1 »</source>
        <translation>Chapter “%1”</translation>
    </message>
</context>
</TS>
